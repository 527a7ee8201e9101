namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>A configured miner the fleet does not run because its entry cannot work; the other miners run regardless.</summary>
/// <param name="Id">The id as written (it may be the mistake), or <c>#n</c> for the n-th entry when it has none.</param>
/// <param name="Reason">Every mistake of the entry, for people (<c>/api/status</c>, the log).</param>
public sealed record DisabledMiner(string Id, string Reason);
