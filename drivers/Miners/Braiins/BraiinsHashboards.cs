namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>What <c>GET /api/v1/miner/hw/hashboards</c> tells.</summary>
/// <param name="BoardTemperatures">Each board's temperature, °C.</param>
/// <param name="ChipTemperatures">Each board's hottest chip, °C.</param>
internal sealed record BraiinsHashboards(IReadOnlyList<double> BoardTemperatures, IReadOnlyList<double> ChipTemperatures);
