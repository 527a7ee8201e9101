namespace ProofOfHeat.Apps.Alarm.Options;

/// <summary>One arming mode (<c>apps.alarm.away</c> …): which sensors it watches and its delays.</summary>
public sealed class AlarmModeOptions
{
    /// <summary>Sensors that start the entry delay when they open or detect (doors on the way in): binary_sensor
    /// entities from HA or Zigbee2MQTT devices; <c>on</c> is open or motion.</summary>
    public IReadOnlyList<string> Sensors { get; set; } = [];

    /// <summary>Sensors that trigger at once, without the entry delay (windows, motion where nobody should be).</summary>
    public IReadOnlyList<string> InstantSensors { get; set; } = [];

    /// <summary>Time to leave after arming (the panel shows <c>arming</c>); sensors are not watched meanwhile.</summary>
    public TimeSpan ExitDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time to disarm after a delayed sensor opens (the panel shows <c>pending</c>) before the alarm triggers.</summary>
    public TimeSpan EntryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every sensor the mode watches.</summary>
    public IEnumerable<string> AllSensors => Sensors.Concat(InstantSensors);

    /// <summary>Throws when the mode cannot work.</summary>
    public void Validate(string path)
    {
        if (ExitDelay < TimeSpan.Zero || EntryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"{path}: exit_delay and entry_delay must not be negative.");
        }

        if ((Sensors ?? []).Count + (InstantSensors ?? []).Count == 0)
        {
            throw new ArgumentException($"{path}: a mode needs at least one sensor (sensors or instant_sensors).");
        }

        foreach (var sensor in AllSensors)
        {
            if (string.IsNullOrWhiteSpace(sensor) || !sensor.Contains('.', StringComparison.Ordinal))
            {
                throw new ArgumentException($"{path}: '{sensor}' is not an entity id (domain.object_id).");
            }
        }

        if (Sensors!.Intersect(InstantSensors!, StringComparer.Ordinal).FirstOrDefault() is { } both)
        {
            throw new ArgumentException($"{path}: '{both}' is listed both as a delayed and an instant sensor.");
        }
    }
}
