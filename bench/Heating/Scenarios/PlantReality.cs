namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>
/// Source physics of the plant that differ from the planner's defaults (bench/Heating/README.md, Plant options): the
/// controller is not told; the planner keeps 0.45 of Carnot and η 0.92.
/// </summary>
/// <param name="HeatPumpCarnotFraction">The plant heat pump's fraction of the Carnot COP (the bench's default 0.45), or null.</param>
/// <param name="BoilerEfficiency">The plant boiler's condensing efficiency (default 0.92; non-condensing 5 points less), or null.</param>
public sealed record PlantReality(double? HeatPumpCarnotFraction, double? BoilerEfficiency);
