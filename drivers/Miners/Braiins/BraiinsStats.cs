namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>What <c>GET /api/v1/miner/stats</c> tells.</summary>
/// <param name="HashrateGigahash">The real hashrate over the last 5 s (1 min when absent), GH/s.</param>
/// <param name="PowerWatts">bosminer's approximation of the power drawn, W.</param>
internal sealed record BraiinsStats(double? HashrateGigahash, double? PowerWatts);
