namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// The latest heating decisions, kept in memory (bounded) for the demo table, the web API and
/// diagnostics. One instance is shared by the whole brain.
/// </summary>
public interface IHeatingDecisionJournal
{
    /// <summary>Every decision as it is recorded.</summary>
    IObservable<HeatingDecision> Recorded { get; }

    /// <summary>Adds a decision, dropping the oldest when full.</summary>
    void Record(HeatingDecision decision);

    /// <summary>The latest decisions, oldest first.</summary>
    IReadOnlyList<HeatingDecision> Latest(int count);
}
