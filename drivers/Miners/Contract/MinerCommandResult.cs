namespace ProofOfHeat.Drivers.Miners;

/// <summary>What came of a command.</summary>
/// <param name="Outcome">Whether it was sent and whether the read-back showed it.</param>
/// <param name="Reading">The last reading taken (the read-back, or the reading that showed nothing was needed).</param>
/// <param name="Detail">What the driver sent (e.g. "ascset 0,workmode,set,2"), for the audit log.</param>
/// <param name="Expected">What the read-back should have shown (e.g. "power target 2000 W, about 2000 W measured (±5 %)"), or null.</param>
/// <param name="Observed">What the read-back showed (e.g. "power target 3050 W, 3050 W measured"), or null.</param>
/// <param name="ConfirmedBy">
/// For an applied change, what confirmed it: "131 W measured", or "the reported state only: this miner measures no
/// power" where the family cannot measure the effect.
/// </param>
public sealed record MinerCommandResult(
    MinerCommandOutcome Outcome,
    MinerReading Reading,
    string? Detail = null,
    string? Expected = null,
    string? Observed = null,
    string? ConfirmedBy = null)
{
    /// <summary>Whether the miner is now as asked (applied and confirmed, or already so).</summary>
    public bool Succeeded => Outcome is MinerCommandOutcome.Applied or MinerCommandOutcome.AlreadyInEffect;

    /// <summary>One line for a person: the outcome, and for a failure what was expected and what was read.</summary>
    public string Explain() => Outcome switch
    {
        MinerCommandOutcome.NotApplied => $"not applied: expected {Expected}; read {Observed}",
        MinerCommandOutcome.Unverified => $"unverified: expected {Expected}; read {Observed}",
        MinerCommandOutcome.AlreadyInEffect => "already in effect; nothing sent",
        _ => "applied" + (Detail is null ? "" : $" ({Detail})") + (ConfirmedBy is null ? "" : $"; confirmed by {ConfirmedBy}"),
    };
}
