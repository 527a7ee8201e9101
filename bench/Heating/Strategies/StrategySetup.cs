namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>What a strategy gets once before the test period.</summary>
/// <param name="Sources">The source descriptions (no house parameters: the controller must identify them).</param>
/// <param name="WarmUpHistory">60 s samples from the 7-day warm-up run under HYST.</param>
public sealed record StrategySetup(
    ScenarioSources Sources,
    IReadOnlyList<HistorySample> WarmUpHistory);
