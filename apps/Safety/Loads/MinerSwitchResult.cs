namespace ProofOfHeat.Apps.Safety.Loads;

/// <summary>What came of asking a miner to sleep or wake.</summary>
/// <param name="Done">The miner is there (confirmed by the driver's read-back, or already so).</param>
/// <param name="Deferred">The fleet's dwell guard keeps it for later (it is sent when allowed).</param>
/// <param name="Detail">Why, for logs and the audit.</param>
public sealed record MinerSwitchResult(bool Done, bool Deferred, string Detail);
