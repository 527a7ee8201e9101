using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Strategies;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// The marginal cost of a kWh of heat per source, as a careful HA user can compute it from what the baselines see
/// (bench/Heating/README.md, Baselines): miner p − r (r its break-even price), heat pump p / COP on the heating
/// curve's flow, gas p_gas / 0.92, resistive p.
/// </summary>
public static class HeatCostRanking
{
    /// <summary>The heat pump's COP law the baselines assume: 0.45 × Carnot, capped at 6, × 0.9 from −5 to 5 °C (defrost).</summary>
    public static double HeatPumpCop(double flow, double outdoor)
    {
        var lift = flow - outdoor;
        var cop = lift <= 0 ? 6 : Math.Min(6, 0.45 * (flow + 273.15) / lift);
        return Math.Max(1, outdoor is > -5 and < 5 ? cop * 0.9 : cop);
    }

    /// <summary>Cost of a kWh of heat from <paramref name="spec"/> now, € (negative when mining pays by itself).</summary>
    public static double HeatCost(SourceSpec spec, StrategyObservation observation, double price, double flow)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observation);
        return spec.Kind switch
        {
            SourceKind.Miner => price - MinerBreakEven(spec, observation),
            SourceKind.HeatPump => price / HeatPumpCop(flow, observation.OutdoorTemperature),
            SourceKind.GasBoiler => observation.GasPrice / 0.92,
            _ => price,
        };
    }

    /// <summary>The miner's break-even electricity price at full power, €/kWh.</summary>
    public static double MinerBreakEven(SourceSpec spec, StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observation);
        return KpiMath.MinerBreakEven(spec.JoulesPerTerahash ?? 17.5, observation.HashpriceEurPerThDay, spec.PoolFee ?? 0);
    }

    /// <summary>The published price of the slot holding now, or the flat 0.30 €/kWh when none is published.</summary>
    public static double CurrentPrice(StrategyObservation observation) => CurrentSlot(observation)?.EurPerKwh ?? 0.30;

    /// <summary>The published slot holding now, if any.</summary>
    public static PricePoint? CurrentSlot(StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.ElectricityPrices.FirstOrDefault(p => p.Start <= observation.Now && observation.Now < p.Start + p.Length);
    }
}
