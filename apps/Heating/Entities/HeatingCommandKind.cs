namespace ProofOfHeat.Apps.Heating.Entities;

/// <summary>What a command from HA's entities changes.</summary>
public enum HeatingCommandKind
{
    /// <summary>A zone's HVAC mode (<c>heat</c>/<c>off</c>).</summary>
    Mode,

    /// <summary>A zone's preset (<c>none</c> back to the schedule).</summary>
    Preset,

    /// <summary>A zone's target temperature.</summary>
    Target,

    /// <summary>The active profile.</summary>
    Profile,
}
