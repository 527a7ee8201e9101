namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>What came of a command.</summary>
/// <param name="Outcome">Whether it was sent and whether the read-back showed it.</param>
/// <param name="Reading">The last reading taken (the read-back, or the reading that showed nothing was needed).</param>
/// <param name="Detail">What the driver sent (e.g. "write holding 40003 = 450"), for the audit log.</param>
/// <param name="Expected">What the read-back should have shown (e.g. "flow setpoint 45 °C"), or null.</param>
/// <param name="Observed">What the read-back showed (e.g. "flow setpoint 40 °C"), or null.</param>
/// <param name="Reason">Why it was refused or unreachable, in words, or null.</param>
public sealed record HeatSourceCommandResult(
    HeatSourceCommandOutcome Outcome,
    HeatSourceReading Reading,
    string? Detail = null,
    string? Expected = null,
    string? Observed = null,
    string? Reason = null)
{
    /// <summary>Whether the source is now as asked (applied, or already so).</summary>
    public bool Succeeded => Outcome is HeatSourceCommandOutcome.Applied or HeatSourceCommandOutcome.AlreadyInEffect;

    /// <summary>One line for a person: the outcome, and for a failure what was expected and what was read, or why.</summary>
    public string Explain() => Outcome switch
    {
        HeatSourceCommandOutcome.NotFollowed => $"not followed: expected {Expected}; read {Observed}",
        HeatSourceCommandOutcome.Refused => $"refused: {Reason}",
        HeatSourceCommandOutcome.Unreachable => $"unreachable: {Reason}",
        HeatSourceCommandOutcome.AlreadyInEffect => "already in effect; nothing sent",
        _ => "applied" + (Detail is null ? "" : $" ({Detail})"),
    };
}
