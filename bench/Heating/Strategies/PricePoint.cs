namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>An electricity price slot.</summary>
/// <param name="Start">Slot start.</param>
/// <param name="Length">Slot length (15, 30 or 60 min).</param>
/// <param name="EurPerKwh">Retail price including network charges and VAT, €/kWh.</param>
public sealed record PricePoint(DateTimeOffset Start, TimeSpan Length, double EurPerKwh);
