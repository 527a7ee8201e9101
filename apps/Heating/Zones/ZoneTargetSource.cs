namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>Where a zone's target came from.</summary>
public enum ZoneTargetSource
{
    /// <summary>The active profile's schedule.</summary>
    Schedule,

    /// <summary>A manual target or preset that has not expired.</summary>
    Override,

    /// <summary>The zone is off: only frost protection.</summary>
    Off,
}
