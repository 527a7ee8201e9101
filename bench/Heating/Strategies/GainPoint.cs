namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>Mean internal gains over a 15-min slot.</summary>
/// <param name="Start">Slot start.</param>
/// <param name="Watts">Heat to the air node, W.</param>
public sealed record GainPoint(DateTimeOffset Start, double Watts);
