namespace ProofOfHeat.Apps.Miners.Options;

/// <summary>One mistake in one miner entry: the entry, the key it is at (for <c>check-config</c>'s file:line) and what is wrong.</summary>
/// <param name="Miner">The entry as configured.</param>
/// <param name="Key">The config key the mistake is at (<c>id</c>, <c>http_port</c>, …).</param>
/// <param name="Problem">What is wrong, for people.</param>
public sealed record MinerEntryProblem(FleetMinerOptions Miner, string Key, string Problem);
