namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>Whether a zone is paused for an open window.</summary>
/// <param name="Paused">True while the zone heats only to antifreeze.</param>
/// <param name="Reason">Why, for the decision journal, or null when the window is closed.</param>
public readonly record struct WindowStatus(bool Paused, string? Reason)
{
    /// <summary>No window open.</summary>
    public static WindowStatus Closed => new(false, null);
}
