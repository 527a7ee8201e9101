using ProofOfHeat.Sim.Heating.Sources;
using ProofOfHeat.Sim.House;

namespace ProofOfHeat.Sim.Heating;

/// <summary>
/// One plant step: what the sources did and the energy account. Energy is conserved:
/// <see cref="SourceHeat"/> + <see cref="Gains"/> − <see cref="WindowLoss"/> − House.HeatLostToOutdoor
/// = House.StoredHeatChange + <see cref="LoopStoredHeatChange"/> (joules).
/// </summary>
/// <param name="Outputs">Per source, in plant order.</param>
/// <param name="SourceHeatToAir">Heat from sources into the air node over the step, mean W.</param>
/// <param name="SourceHeatToMass">Heat from sources into the mass node over the step, mean W.</param>
/// <param name="SourceHeat">Heat produced by all sources, J.</param>
/// <param name="Gains">Solar and internal gains, J.</param>
/// <param name="WindowLoss">Heat lost through an open window, J.</param>
/// <param name="LoopStoredHeatChange">Change of the heat in the water loop, J.</param>
/// <param name="House">The house's own energy account.</param>
/// <param name="FlowTemperature">Flow temperature in use, °C.</param>
public sealed record PlantStepResult(
    IReadOnlyList<SourceOutput> Outputs,
    double SourceHeatToAir,
    double SourceHeatToMass,
    double SourceHeat,
    double Gains,
    double WindowLoss,
    double LoopStoredHeatChange,
    HouseStepResult House,
    double FlowTemperature)
{
    /// <summary>Total electric power, mean W.</summary>
    public double ElectricWatts => Outputs.Sum(o => o.ElectricWatts);

    /// <summary>Total gas power, mean W.</summary>
    public double GasWatts => Outputs.Sum(o => o.GasWatts);
}
