namespace ProofOfHeat.Sim.Heating.Sources;

/// <summary>What a source did over a step (mean rates).</summary>
/// <param name="HeatWatts">Heat produced, W (into the air for air-side sources, into the water loop for hydronic ones).</param>
/// <param name="ElectricWatts">Electric power drawn, W.</param>
/// <param name="GasWatts">Gas power burnt (lower heating value), W.</param>
/// <param name="TerahashPerSecond">Hash rate, TH/s (miners only).</param>
public readonly record struct SourceOutput(double HeatWatts, double ElectricWatts, double GasWatts, double TerahashPerSecond);
