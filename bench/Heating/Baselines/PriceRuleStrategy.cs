using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Strategies;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// PRICE-RULE, the best community practice (bench/Heating/README.md, Baselines): tuned TPI, plus
/// "cheapest-N-slots pre-heat +1 K / most-expensive-M-slots −1 K" from today's published prices
/// (N = M = 4 h of slots; the set-back never goes below the comfort lower bound, as a careful
/// user would configure it), the miner on at full power whenever p_el is below its break-even r
/// (while the room is under the upper bound − 0.5 K), and the stage order re-sorted every minute
/// by instantaneous cost per kWh of heat (miner p − r, heat pump p/COP, gas p_gas/η, resistive p).
/// </summary>
public sealed class PriceRuleStrategy(TpiTuning? tuning = null) : TpiStrategy(tuning)
{
    private static readonly TimeSpan RankedSpan = TimeSpan.FromHours(4);
    private readonly SortedDictionary<DateTimeOffset, PricePoint> _seen = [];
    private DateTime _rankedDay = DateTime.MinValue;
    private HashSet<DateTimeOffset> _cheap = [];
    private HashSet<DateTimeOffset> _expensive = [];

    public override string Name => "PRICE-RULE";

    public static double HeatPumpCop(double flow, double outdoor)
    {
        var lift = flow - outdoor;
        var cop = lift <= 0 ? 6 : Math.Min(6, 0.45 * (flow + 273.15) / lift);
        return Math.Max(1, outdoor is > -5 and < 5 ? cop * 0.9 : cop);
    }

    /// <summary>Cost of a kWh of heat from <paramref name="spec"/> now, €.</summary>
    public double HeatCost(SourceSpec spec, StrategyObservation observation, double price, double setpoint)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observation);
        return spec.Kind switch
        {
            SourceKind.Miner => price - KpiMath.MinerBreakEven(spec.JoulesPerTerahash ?? 17.5, observation.HashpriceEurPerThDay, spec.PoolFee ?? 0),
            SourceKind.HeatPump => price / HeatPumpCop(Curve.FlowTemperature(setpoint, observation.OutdoorTemperature), observation.OutdoorTemperature),
            SourceKind.GasBoiler => observation.GasPrice / 0.92,
            _ => price,
        };
    }

    protected override IReadOnlyList<SourceSpec> Order(StrategyObservation observation)
    {
        var price = CurrentPrice(observation);
        var setpoint = Lower(observation) + SetpointMargin;
        return [.. Stages.OrderBy(s => HeatCost(s, observation, price, setpoint)).ThenBy(s => StageRank(s.Kind))];
    }

    protected override double Setpoint(StrategyObservation observation)
    {
        foreach (var point in observation.ElectricityPrices)
        {
            _seen[point.Start] = point;
        }

        var day = observation.Now.UtcDateTime.Date;
        if (day != _rankedDay)
        {
            Rank(day);
        }

        var lower = Lower(observation);
        var setpoint = lower + SetpointMargin;
        var slot = CurrentSlot(observation);
        if (slot is not null && _cheap.Contains(slot.Start))
        {
            return setpoint + 1;
        }

        if (slot is not null && _expensive.Contains(slot.Start))
        {
            return Math.Max(lower, setpoint - 1);
        }

        return setpoint;
    }

    protected override void Adjust(StrategyObservation observation, Dictionary<string, (double Power, double? Flow)> wanted)
    {
        var price = CurrentPrice(observation);
        var warmEnough = observation.RoomTemperature is { } room && room >= Upper(observation) - 0.5;
        foreach (var miner in Stages.Where(s => s.Kind == SourceKind.Miner))
        {
            var breakEven = KpiMath.MinerBreakEven(miner.JoulesPerTerahash ?? 17.5, observation.HashpriceEurPerThDay, miner.PoolFee ?? 0);
            if (price < breakEven && !warmEnough)
            {
                wanted[miner.Id] = (Full(miner), null);
            }
        }
    }

    private void Rank(DateTime day)
    {
        var today = _seen.Values.Where(p => p.Start.UtcDateTime.Date == day).ToList();
        _rankedDay = day;
        _cheap = [];
        _expensive = [];
        if (today.Count == 0 || today.Max(p => p.EurPerKwh) - today.Min(p => p.EurPerKwh) < 1e-9)
        {
            return;
        }

        var count = Math.Max(1, (int)(RankedSpan / today[0].Length));
        _cheap = [.. today.OrderBy(p => p.EurPerKwh).ThenBy(p => p.Start).Take(count).Select(p => p.Start)];
        _expensive = [.. today.OrderByDescending(p => p.EurPerKwh).ThenBy(p => p.Start).Take(count).Select(p => p.Start)];
        _expensive.ExceptWith(_cheap);
    }

    private static PricePoint? CurrentSlot(StrategyObservation observation) =>
        observation.ElectricityPrices.FirstOrDefault(p => p.Start <= observation.Now && observation.Now < p.Start + p.Length);

    private static double CurrentPrice(StrategyObservation observation) => CurrentSlot(observation)?.EurPerKwh ?? 0.30;
}
