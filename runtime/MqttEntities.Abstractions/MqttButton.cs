using System.Reactive;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text.Json.Nodes;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>A button (restart a miner, "boost now"). HA publishes <c>PRESS</c> on the command topic.</summary>
/// <param name="key">The key within the device.</param>
public sealed class MqttButton(string key) : MqttDiscoveryEntity(key)
{
    /// <summary>The payload HA sends on a press (its default).</summary>
    public const string PressPayload = "PRESS";

    private readonly Subject<Unit> _presses = new();

    /// <inheritdoc />
    public override string Platform => "button";

    /// <summary><c>identify</c>, <c>restart</c> or <c>update</c>, or null.</summary>
    public string? DeviceClass { get; init; }

    /// <summary>Validated presses. Observers run on the MQTT dispatch loop: keep them short.</summary>
    public IObservable<Unit> Presses => _presses.AsObservable();

    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandSuffixes { get; } = ["set"];

    /// <inheritdoc />
    private protected override void WritePlatformKeys(JsonObject component)
    {
        component["cmd_t"] = Topic("set");
        if (DeviceClass is not null)
        {
            component["dev_cla"] = DeviceClass;
        }
    }

    /// <inheritdoc />
    internal override CommandOutcome HandleCommand(string suffix, string payload)
    {
        if (payload != PressPayload)
        {
            return CommandOutcome.Reject($"a button takes {PressPayload}");
        }

        _presses.OnNext(Unit.Default);
        return CommandOutcome.Ok;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete(_presses);
        }

        base.Dispose(disposing);
    }
}
