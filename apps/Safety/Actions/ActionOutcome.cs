namespace ProofOfHeat.Apps.Safety.Actions;

/// <summary>How a safety action ended.</summary>
/// <param name="Confirmed">Whether the device showed the wanted state.</param>
/// <param name="Attempts">How many times it was sent.</param>
/// <param name="Detail">The last failure, or null.</param>
public sealed record ActionOutcome(bool Confirmed, int Attempts, string? Detail = null)
{
    /// <summary>A newer command for the same entity took over; this one stopped.</summary>
    public static ActionOutcome Superseded(int attempts) => new(false, attempts, "superseded by a newer command");

    /// <summary>Whether a newer command took over.</summary>
    public bool WasSuperseded => Detail == "superseded by a newer command";
}
