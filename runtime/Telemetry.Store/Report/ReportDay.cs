namespace ProofOfHeat.Telemetry.Store.Report;

/// <summary>One day (UTC) of <c>poh report</c>.</summary>
/// <param name="Date">The day.</param>
/// <param name="HeatKwhBySource">Heat delivered per source, kWh.</param>
/// <param name="ElectricityCost">What the electric sources' power cost at the electricity price.</param>
/// <param name="GasCost">What the gas sources' power cost at the gas price.</param>
/// <param name="MiningRevenue">What the miners earned.</param>
/// <param name="DiscomfortKelvinHours">Kelvin-hours below the comfort band (target minus band), summed over zones.</param>
/// <param name="Alerts">The alerts raised that day.</param>
public sealed record ReportDay(
    DateOnly Date,
    IReadOnlyDictionary<string, double> HeatKwhBySource,
    double ElectricityCost,
    double GasCost,
    double MiningRevenue,
    double DiscomfortKelvinHours,
    IReadOnlyList<ReportAlert> Alerts)
{
    /// <summary>Heat delivered by every source, kWh.</summary>
    public double HeatKwh => HeatKwhBySource.Values.Sum();

    /// <summary>Electricity and gas less mining revenue.</summary>
    public double NetCost => ElectricityCost + GasCost - MiningRevenue;

    /// <summary>Net cost per kWh of heat, or null without heat.</summary>
    public double? NetCostPerKwh => HeatKwh > 0 ? NetCost / HeatKwh : null;
}
