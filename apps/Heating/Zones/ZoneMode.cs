namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>A zone's HVAC mode as its climate entity offers it.</summary>
public enum ZoneMode
{
    /// <summary>Heats to the schedule, the preset or the manual target.</summary>
    Heat,

    /// <summary>Does not heat, except to keep the antifreeze temperature (frost protection is never switched off).</summary>
    Off,
}
