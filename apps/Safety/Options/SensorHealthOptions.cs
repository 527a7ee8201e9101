namespace ProofOfHeat.Apps.Safety.Options;

/// <summary>
/// Sensor health (<c>apps.safety.sensor_health</c>): every sensor the rules use is watched; one that is
/// unavailable, silent past its limit or low on battery is a warning.
/// </summary>
public sealed class SensorHealthOptions
{
    /// <summary>
    /// After how long without an update a sensor counts as silent. Battery sensors report at least every few hours
    /// (Zigbee end devices check in hourly), so a day is the default; a leak sensor that never changes state needs
    /// its battery entity listed in <see cref="Batteries"/> (which changes) or a Zigbee2MQTT <c>stale_after</c>.
    /// </summary>
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromHours(25);

    /// <summary>Below this battery level (%) a sensor is low.</summary>
    public double BatteryLow { get; set; } = 15;

    /// <summary>Sensor → its battery entity (%), when the battery is its own entity (as HA makes it).</summary>
    public IReadOnlyDictionary<string, string> Batteries { get; set; } = new Dictionary<string, string>();

    /// <summary>How often the sensors are checked.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws when the check cannot work.</summary>
    public void Validate()
    {
        OptionsChecks.Positive(SilentAfter, "apps.safety.sensor_health.silent_after");
        OptionsChecks.Positive(CheckEvery, "apps.safety.sensor_health.check_every");
        if (BatteryLow is < 0 or > 100)
        {
            throw new ArgumentException("apps.safety.sensor_health.battery_low: must be a percentage, 0-100.");
        }

        OptionsChecks.EntityIds(Batteries.Keys, "apps.safety.sensor_health.batteries");
        OptionsChecks.EntityIds(Batteries.Values, "apps.safety.sensor_health.batteries");
    }
}
