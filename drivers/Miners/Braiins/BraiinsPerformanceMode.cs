namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>What <c>GET /api/v1/performance/mode</c> tells.</summary>
/// <param name="Mode">"power target", "hashrate target" or "manual" (the tuner's mode), or null when the answer names none.</param>
/// <param name="PowerTargetWatts">The power target, W, in power-target mode; otherwise null.</param>
internal sealed record BraiinsPerformanceMode(string? Mode, int? PowerTargetWatts);
