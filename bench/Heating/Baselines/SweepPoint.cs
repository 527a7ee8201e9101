using System.Globalization;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// One configuration of a baseline in the comfort sweep (bench/Heating/README.md, Equal comfort): the family
/// (HYST, TPI or PRICE-RULE), the setpoint offset above the lower bound, the pre-heat lead, the stage order and,
/// for TPI and PRICE-RULE, the TPI coefficients.
/// </summary>
public sealed record SweepPoint(string Family, double OffsetK, TimeSpan Lead, bool CostOrder, TpiTuning? Tpi)
{
    /// <summary>The strategy's name in the table: the family with "-swept".</summary>
    public string StrategyName => Family + "-swept";

    /// <summary>E.g. "+0.6 K, lead 60 min, cost order, TPI 0.2/0.05".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture,
        $"+{OffsetK:0.0} K, lead {Lead.TotalMinutes:0} min, {(CostOrder ? "cost" : "fixed")} order{(Tpi is null ? "" : $", TPI {Tpi.CoefInt:0.##}/{Tpi.CoefExt:0.###}")}");

    /// <summary>A fresh strategy for this configuration.</summary>
    public BaselineStrategy Create() => Family switch
    {
        "HYST" => new HystStrategy { DisplayName = StrategyName, Margin = OffsetK, PreheatLead = Lead, CostOrder = CostOrder, Configuration = Label },
        "TPI" => new TpiStrategy(Tpi) { DisplayName = StrategyName, Margin = OffsetK, PreheatLead = Lead, CostOrder = CostOrder, Configuration = Label },
        "PRICE-RULE" => new PriceRuleStrategy(Tpi) { DisplayName = StrategyName, Margin = OffsetK, PreheatLead = Lead, Configuration = Label },
        _ => throw new ArgumentOutOfRangeException(nameof(Family), Family, "Use HYST, TPI or PRICE-RULE."),
    };
}
