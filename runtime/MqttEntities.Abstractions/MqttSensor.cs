using System.Globalization;
using System.Text.Json.Nodes;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// A sensor (power in W, energy in kWh, temperature in °C, hashrate in TH/s without a class, money with a currency
/// code). The device class, state class and unit must be a combination HA accepts; see the schema tests.
/// </summary>
/// <param name="key">The key within the device.</param>
public sealed class MqttSensor(string key) : MqttDiscoveryEntity(key)
{
    /// <inheritdoc />
    public override string Platform => "sensor";

    /// <summary>A sensor device class (<c>power</c>, <c>energy</c>, <c>temperature</c>, <c>monetary</c> …), or null.</summary>
    public string? DeviceClass { get; init; }

    /// <summary><c>measurement</c>, <c>total</c> or <c>total_increasing</c>, or null (no long-term statistics).</summary>
    public string? StateClass { get; init; }

    /// <summary>The unit of measurement, or null.</summary>
    public string? Unit { get; init; }

    /// <summary>How many decimals HA shows, or null.</summary>
    public int? SuggestedDisplayPrecision { get; init; }

    /// <summary>After how long without a new state HA shows the sensor as unavailable, or null.</summary>
    public TimeSpan? ExpireAfter { get; init; }

    /// <summary>Publishes a numeric state.</summary>
    public void PublishState(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A sensor state must be a finite number.");
        }

        PublishState("state", FormatNumber(value));
    }

    /// <summary>Publishes a text state (for sensors without a unit).</summary>
    public void PublishState(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        PublishState("state", value);
    }

    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandSuffixes { get; } = [];

    /// <inheritdoc />
    private protected override void WritePlatformKeys(JsonObject component)
    {
        component["stat_t"] = Topic("state");
        if (DeviceClass is not null)
        {
            component["dev_cla"] = DeviceClass;
        }

        if (StateClass is not null)
        {
            component["stat_cla"] = StateClass;
        }

        if (Unit is not null)
        {
            component["unit_of_meas"] = Unit;
        }

        if (SuggestedDisplayPrecision is { } precision)
        {
            component["sug_dsp_prc"] = precision;
        }

        if (ExpireAfter is { } expire)
        {
            component["exp_aft"] = (int)Math.Ceiling(expire.TotalSeconds);
        }
    }

    /// <inheritdoc />
    internal override CommandOutcome HandleCommand(string suffix, string payload) =>
        CommandOutcome.Reject(string.Create(CultureInfo.InvariantCulture, $"a sensor takes no commands ({suffix})"));
}
