namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>The comfort band of one 15-min slot.</summary>
/// <param name="Start">Slot start.</param>
/// <param name="Lower">Lower bound, °C.</param>
/// <param name="Upper">Upper bound, °C.</param>
public sealed record ComfortPoint(DateTimeOffset Start, double Lower, double Upper);
