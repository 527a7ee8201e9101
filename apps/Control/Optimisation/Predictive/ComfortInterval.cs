namespace ProofOfHeat.Control.Optimisation;

/// <summary>The comfort band from <paramref name="Start"/> until the next interval.</summary>
/// <param name="Start">Start.</param>
/// <param name="Lower">Lower bound, °C.</param>
/// <param name="Upper">Upper bound, °C.</param>
public sealed record ComfortInterval(DateTimeOffset Start, double Lower, double Upper);
