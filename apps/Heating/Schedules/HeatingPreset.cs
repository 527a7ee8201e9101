namespace ProofOfHeat.Apps.Heating.Schedules;

/// <summary>The presets a zone can be in (VTherm's names; <c>none</c>, a manual target, is not a preset).</summary>
public enum HeatingPreset
{
    /// <summary>Someone is home and awake.</summary>
    Comfort,

    /// <summary>Night or a short absence.</summary>
    Eco,

    /// <summary>A longer absence.</summary>
    Away,

    /// <summary>Frost protection only.</summary>
    Antifreeze,

    /// <summary>A short burst above comfort, always with a time-to-live.</summary>
    Boost,
}
