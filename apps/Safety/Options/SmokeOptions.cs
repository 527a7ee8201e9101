namespace ProofOfHeat.Apps.Safety.Options;

/// <summary>
/// Smoke or carbon monoxide: miners, heat sources and ventilation off, lights on full, doors unlocked only when
/// enabled (<c>apps.safety.smoke</c>).
/// </summary>
public sealed class SmokeOptions
{
    /// <summary>Smoke and CO sensors (binary sensors; <c>on</c> is smoke or CO).</summary>
    public IReadOnlyList<string> Sensors { get; set; } = [];

    /// <summary>Whether every miner of the fleet is slept (through the fleet); on by default.</summary>
    public bool SleepMiners { get; set; } = true;

    /// <summary>Heat sources to switch off (heaters, a heat pump's switch, a climate entity).</summary>
    public IReadOnlyList<string> HeatSources { get; set; } = [];

    /// <summary>Ventilation to switch off (fans, an air handler): it feeds a fire and spreads smoke.</summary>
    public IReadOnlyList<string> Ventilation { get; set; } = [];

    /// <summary>Lights to turn on at full brightness, to find the way out.</summary>
    public IReadOnlyList<string> Lights { get; set; } = [];

    /// <summary>Locks to unlock, only when <see cref="UnlockDoors"/> is on.</summary>
    public IReadOnlyList<string> Doors { get; set; } = [];

    /// <summary>Unlocks <see cref="Doors"/> on smoke; off by default (an unlocked door is a risk of its own).</summary>
    public bool UnlockDoors { get; set; }

    /// <summary>Throws when the rule cannot work.</summary>
    public void Validate()
    {
        OptionsChecks.NotEmpty(Sensors, "apps.safety.smoke.sensors");
        OptionsChecks.EntityIds(Sensors, "apps.safety.smoke.sensors");
        OptionsChecks.EntityIds(HeatSources, "apps.safety.smoke.heat_sources");
        OptionsChecks.EntityIds(Ventilation, "apps.safety.smoke.ventilation");
        OptionsChecks.EntityIds(Lights, "apps.safety.smoke.lights");
        OptionsChecks.EntityIds(Doors, "apps.safety.smoke.doors");
        if (UnlockDoors && Doors.Count == 0)
        {
            throw new ArgumentException("apps.safety.smoke.unlock_doors: name the locks under apps.safety.smoke.doors.");
        }
    }
}
