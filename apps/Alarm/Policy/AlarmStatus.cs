namespace ProofOfHeat.Apps.Alarm.Policy;

/// <summary>The alarm's state at one moment.</summary>
/// <param name="Phase">Where the alarm is.</param>
/// <param name="Mode">The mode armed (or arming, pending, triggered); null when disarmed.</param>
/// <param name="Until">When the running delay (exit, entry or trigger time) ends; null when none runs.</param>
/// <param name="Cause">The sensor (or <c>panel</c>) that started the entry delay or the trigger; null otherwise.</param>
public sealed record AlarmStatus(AlarmPhase Phase, AlarmMode? Mode, DateTimeOffset? Until, string? Cause)
{
    /// <summary>Disarmed.</summary>
    public static AlarmStatus Off { get; } = new(AlarmPhase.Disarmed, null, null, null);

    /// <summary>The state as HA's alarm panel shows it (home-assistant.io/integrations/alarm_control_panel.mqtt/ states).</summary>
    public string HaState => Phase switch
    {
        AlarmPhase.Disarmed => "disarmed",
        AlarmPhase.Arming => "arming",
        AlarmPhase.Pending => "pending",
        AlarmPhase.Triggered => "triggered",
        _ => "armed_" + Mode!.Value.ToString().ToLowerInvariant(),
    };

    /// <summary>The mode an HA panel state names (<c>armed_night</c> → night), or null.</summary>
    public static AlarmMode? ModeOf(string? haState) => haState switch
    {
        "armed_home" => AlarmMode.Home,
        "armed_away" => AlarmMode.Away,
        "armed_night" => AlarmMode.Night,
        "armed_vacation" => AlarmMode.Vacation,
        _ => null,
    };
}
