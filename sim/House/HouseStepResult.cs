namespace ProofOfHeat.Sim.House;

/// <summary>
/// The energy account of one step, in joules. The model conserves energy, so
/// <see cref="HeatIn"/> − <see cref="HeatLostToOutdoor"/> equals <see cref="StoredHeatChange"/>
/// up to rounding; the three are computed independently so tests can check that.
/// </summary>
/// <param name="HeatIn">Heat delivered by sources and gains.</param>
/// <param name="HeatLostToOutdoor">Heat that left through both paths to outdoors (negative if outdoors warmed the house).</param>
/// <param name="StoredHeatChange">Change of the heat stored in both nodes.</param>
public readonly record struct HouseStepResult(double HeatIn, double HeatLostToOutdoor, double StoredHeatChange);
