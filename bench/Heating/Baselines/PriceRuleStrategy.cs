using ProofOfHeat.Bench.Heating.Strategies;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// PRICE-RULE, the best community practice (bench/Heating/README.md, Baselines): tuned TPI, plus
/// "cheapest 4 h of the day pre-heat +1 K / dearest 4 h set back −1 K", ranked over the next 24 h of published
/// prices (so tomorrow's day-ahead prices count as soon as they are published, not from midnight), the miner at
/// full power whenever p_el is below its break-even r (mining pays by itself; while the room is under the upper
/// bound − 0.5 K), and the stage order re-sorted every minute by the cost of a kWh of heat (miner p − r, heat pump
/// p/COP, gas p_gas/η, resistive p). The set-back is a real −1 K from the setpoint: until 2026-12-07 it was held at
/// the lower bound, which made it −0.3 K; how far above the bound to sit is the comfort sweep's setpoint offset.
/// </summary>
public sealed class PriceRuleStrategy : TpiStrategy
{
    /// <summary>Cheapest and dearest share of a day: 4 h of 24 h.</summary>
    public const double RankedShare = 4.0 / 24;

    public const double PreheatK = 1.0;

    public const double SetbackK = 1.0;

    private DateTimeOffset _rankedSlot = DateTimeOffset.MinValue;
    private int _rank;

    public PriceRuleStrategy(TpiTuning? tuning = null)
        : base(tuning)
    {
        CostOrder = true;
    }

    public override string Name => DisplayName ?? "PRICE-RULE";

    /// <summary>+1 in a cheap slot, −1 in a dear one, 0 otherwise (the last ranking).</summary>
    public int Rank => _rank;

    /// <summary>Cost of a kWh of heat from <paramref name="spec"/> now, € (the heat pump's flow on the curve at <paramref name="setpoint"/>).</summary>
    public double HeatCost(SourceSpec spec, StrategyObservation observation, double price, double setpoint)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return HeatCostRanking.HeatCost(spec, observation, price, Curve.FlowTemperature(setpoint, observation.OutdoorTemperature));
    }

    protected override double Setpoint(StrategyObservation observation)
    {
        var setpoint = BaseSetpoint(observation);
        var slot = HeatCostRanking.CurrentSlot(observation);
        if (slot is null)
        {
            return setpoint;
        }

        if (slot.Start != _rankedSlot)
        {
            _rankedSlot = slot.Start;
            _rank = RankOf(slot, observation.ElectricityPrices);
        }

        return setpoint + (_rank > 0 ? PreheatK : _rank < 0 ? -SetbackK : 0);
    }

    /// <summary>
    /// Where <paramref name="slot"/> falls among the published slots of the next 24 h from its start: +1 among the
    /// cheapest 4 h, −1 among the dearest 4 h, else 0 (also 0 for a flat tariff).
    /// </summary>
    public static int RankOf(PricePoint slot, IReadOnlyList<PricePoint> published)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(published);
        var window = published.Where(p => p.Start >= slot.Start && p.Start < slot.Start + TimeSpan.FromDays(1)).Select(p => p.EurPerKwh).Order().ToList();
        if (window.Count == 0 || window[^1] - window[0] < 1e-9)
        {
            return 0;
        }

        var count = Math.Max(1, (int)Math.Round(window.Count * RankedShare));
        if (slot.EurPerKwh <= window[count - 1])
        {
            return 1;
        }

        return slot.EurPerKwh >= window[^count] ? -1 : 0;
    }

    protected override void Adjust(StrategyObservation observation, Dictionary<string, (double Power, double? Flow)> wanted)
    {
        var price = HeatCostRanking.CurrentPrice(observation);
        var warmEnough = observation.RoomTemperature is { } room && room >= Upper(observation) - 0.5;
        foreach (var miner in Stages.Where(s => s.Kind == SourceKind.Miner))
        {
            if (price < HeatCostRanking.MinerBreakEven(miner, observation) && !warmEnough)
            {
                wanted[miner.Id] = (Full(miner), null);
            }
        }
    }
}
