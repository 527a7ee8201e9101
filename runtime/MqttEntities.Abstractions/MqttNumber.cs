using System.Globalization;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text.Json.Nodes;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// A number (a miner's power limit in W, a heating-curve offset). Commands outside <see cref="Min"/>..<see cref="Max"/>
/// or not numbers are rejected and logged, never passed to the app.
/// </summary>
/// <param name="key">The key within the device.</param>
public sealed class MqttNumber(string key) : MqttDiscoveryEntity(key)
{
    private readonly Subject<double> _commands = new();

    /// <inheritdoc />
    public override string Platform => "number";

    /// <summary>The smallest value (HA's default is 1).</summary>
    public double Min { get; init; } = 1;

    /// <summary>The largest value (HA's default is 100).</summary>
    public double Max { get; init; } = 100;

    /// <summary>The step of the slider or box.</summary>
    public double Step { get; init; } = 1;

    /// <summary>The unit of measurement, or null.</summary>
    public string? Unit { get; init; }

    /// <summary>A number device class (<c>power</c>, <c>temperature</c> …), or null.</summary>
    public string? DeviceClass { get; init; }

    /// <summary><c>auto</c>, <c>box</c> or <c>slider</c>, or null for HA's default.</summary>
    public string? Mode { get; init; }

    /// <summary>Validated values from HA. Observers run on the MQTT dispatch loop: keep them short.</summary>
    public IObservable<double> Commands => _commands.AsObservable();

    /// <summary>Publishes the current value.</summary>
    public void PublishState(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A number state must be finite.");
        }

        PublishState("state", FormatNumber(value));
    }

    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandSuffixes { get; } = ["set"];

    /// <inheritdoc />
    internal override void Validate()
    {
        if (!(Min < Max) || !(Step > 0))
        {
            throw new ArgumentException($"Number '{Key}' needs min < max and step > 0.");
        }
    }

    /// <inheritdoc />
    private protected override void WritePlatformKeys(JsonObject component)
    {
        component["cmd_t"] = Topic("set");
        component["stat_t"] = Topic("state");
        component["min"] = Min;
        component["max"] = Max;
        component["step"] = Step;
        if (Unit is not null)
        {
            component["unit_of_meas"] = Unit;
        }

        if (DeviceClass is not null)
        {
            component["dev_cla"] = DeviceClass;
        }

        if (Mode is not null)
        {
            component["mode"] = Mode;
        }
    }

    /// <inheritdoc />
    internal override CommandOutcome HandleCommand(string suffix, string payload)
    {
        if (!TryParseNumber(payload, out var value))
        {
            return CommandOutcome.Reject("not a number");
        }

        if (value < Min || value > Max)
        {
            return CommandOutcome.Reject(string.Create(CultureInfo.InvariantCulture, $"outside {Min}..{Max}"));
        }

        _commands.OnNext(value);
        return CommandOutcome.Ok;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete(_commands);
        }

        base.Dispose(disposing);
    }
}
