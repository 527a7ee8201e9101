namespace ProofOfHeat.Control.Optimisation;

/// <summary>One combination of source levels over one slot, with what it delivers and costs.</summary>
/// <param name="Levels">Level per source, in the catalogue's source order, W.</param>
/// <param name="AirWatts">Heat to the air node, W.</param>
/// <param name="MassWatts">Heat to the mass node, W.</param>
/// <param name="CostEur">Electricity plus gas minus mining revenue over the slot, €.</param>
/// <param name="ElectricWatts">Electric draw, W.</param>
/// <param name="GasWatts">Gas burnt, W.</param>
/// <param name="FlowTemperatures">Per source: the flow temperature for hydronic sources that run, else null.</param>
public sealed record HeatMix(
    IReadOnlyList<double> Levels,
    double AirWatts,
    double MassWatts,
    double CostEur,
    double ElectricWatts,
    double GasWatts,
    IReadOnlyList<double?> FlowTemperatures)
{
    /// <summary>Total heat delivered, W.</summary>
    public double HeatWatts => AirWatts + MassWatts;
}
