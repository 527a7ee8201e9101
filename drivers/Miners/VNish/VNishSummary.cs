namespace ProofOfHeat.Drivers.Miners.VNish;

/// <summary>What <c>GET /api/v1/summary</c> tells.</summary>
/// <param name="MinerState">The raw <c>miner_status.miner_state</c> (e.g. "mining", "restarting").</param>
/// <param name="Model">The miner type, e.g. "Antminer S19 (Vnish 1.2.6)".</param>
/// <param name="HashrateGigahash">The real-time hashrate, GH/s.</param>
/// <param name="PowerWatts">The power consumption, W.</param>
/// <param name="BoardTemperatures">Each chain's hottest PCB sensor, °C.</param>
/// <param name="ChipTemperatures">Each chain's hottest chip, °C.</param>
/// <param name="FanRpm">Each fan's speed.</param>
/// <param name="Errors">Failed chains' descriptions.</param>
internal sealed record VNishSummary(
    string? MinerState,
    string? Model,
    double? HashrateGigahash,
    double? PowerWatts,
    IReadOnlyList<double> BoardTemperatures,
    IReadOnlyList<double> ChipTemperatures,
    IReadOnlyList<int> FanRpm,
    IReadOnlyList<string> Errors);
