namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>What <c>GET /api/v1/miner/details</c> tells.</summary>
/// <param name="State">bosminer's state.</param>
/// <param name="Model">The miner model, e.g. "Antminer S19j Pro".</param>
/// <param name="Uptime">Time since bosminer started.</param>
internal sealed record BraiinsDetails(BraiinsMinerState State, string? Model, TimeSpan? Uptime);
