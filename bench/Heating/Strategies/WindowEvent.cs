namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>A window-opening event: extra air-to-outdoor conductance for a while.</summary>
/// <param name="Start">When the window opens.</param>
/// <param name="Length">How long it stays open.</param>
/// <param name="ExtraConductance">Added air-to-outdoor conductance, W/K.</param>
public sealed record WindowEvent(DateTimeOffset Start, TimeSpan Length, double ExtraConductance);
