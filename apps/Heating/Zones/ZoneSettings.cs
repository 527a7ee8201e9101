namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>What the user chose for a zone: its mode and an optional override.</summary>
/// <param name="Mode">Heat or off.</param>
/// <param name="Override">The manual target or preset, or null to follow the schedule.</param>
public sealed record ZoneSettings(ZoneMode Mode, ZoneOverride? Override)
{
    /// <summary>Heating to the schedule.</summary>
    public static ZoneSettings Scheduled { get; } = new(ZoneMode.Heat, null);
}
