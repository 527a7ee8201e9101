namespace ProofOfHeat.Control.Optimisation;

/// <summary>One published electricity price.</summary>
/// <param name="Start">Start of the interval.</param>
/// <param name="Length">Length of the interval (15 min, 30 min, 1 h).</param>
/// <param name="EurPerKwh">Price, €/kWh.</param>
public sealed record PriceInterval(DateTimeOffset Start, TimeSpan Length, double EurPerKwh);
