namespace ProofOfHeat.Bench.Heating.Kpis;

/// <summary>The KPI formulas of PoH-Bench (bench/Heating/README.md, KPIs), kept apart so they can be checked by hand.</summary>
public static class KpiMath
{
    public const double Co2PerKwhElectric = 0.167;
    public const double Co2PerKwhGas = 0.20;

    /// <summary>Savings = (Net_base − Net_ctrl) / Gross_base, as a fraction; null when the baseline bought no energy.</summary>
    public static double? Savings(RunKpis baseline, RunKpis controller)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(controller);
        return baseline.GrossCost > 0 ? (baseline.NetCost - controller.NetCost) / baseline.GrossCost : null;
    }

    /// <summary>Capture = (Net_base − Net_ctrl) / (Net_base − Net_oracle); null when the oracle saves nothing.</summary>
    public static double? Capture(RunKpis baseline, RunKpis controller, RunKpis oracle)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(oracle);
        var possible = baseline.NetCost - oracle.NetCost;
        return possible > 1e-9 ? (baseline.NetCost - controller.NetCost) / possible : null;
    }

    /// <summary>BOPTEST discomfort over one interval: |deviation outside [lower, upper]| × hours, K·h.</summary>
    public static double Discomfort(double temperature, double lower, double upper, double hours) =>
        (Math.Max(0, lower - temperature) + Math.Max(0, temperature - upper)) * hours;

    /// <summary>Mining revenue over <paramref name="seconds"/>: TH/s × hashprice (€/TH/day) × (1 − fee) × days.</summary>
    public static double MiningRevenue(double terahashPerSecond, double hashpriceEurPerThDay, double poolFee, double seconds) =>
        terahashPerSecond * hashpriceEurPerThDay * (1 - poolFee) * seconds / 86400;

    /// <summary>Break-even electricity price of a miner, €/kWh: revenue per kWh of electricity.</summary>
    public static double MinerBreakEven(double joulesPerTerahash, double hashpriceEurPerThDay, double poolFee) =>
        hashpriceEurPerThDay * (1 - poolFee) / (0.024 * joulesPerTerahash);
}
