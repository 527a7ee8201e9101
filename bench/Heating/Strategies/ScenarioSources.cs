namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>The heat sources of a scenario, as a controller may know them.</summary>
/// <param name="Sources">One entry per source.</param>
public sealed record ScenarioSources(IReadOnlyList<SourceSpec> Sources);
