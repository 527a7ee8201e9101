using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Control;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// HYST: HA's generic_thermostat as HA runs it (home-assistant.io/integrations/generic_thermostat; bench/Heating/README.md, Baselines). Stage 1 switches ON at
/// T ≤ T_set − 0.3 and OFF at T ≥ T_set + 0.3, evaluated on each sensor report, holding each state
/// for min_cycle_duration (5 min; 10 min for miners and heat pumps). Stage k+1 (a backup) turns on
/// when T ≤ T_set − 0.8 − 0.5·(k−1) or when stage k has run 30 min without recovering to T_set,
/// and off once T ≥ T_set. Every stage runs at full power; hydronic ones on the fixed curve.
/// With <see cref="BaselineStrategy.CostOrder"/> the stages are re-ranked at each report; a source keeps its own
/// on/off state and minimum cycle whatever its rank.
/// </summary>
public sealed class HystStrategy : BaselineStrategy
{
    private readonly HysteresisController _hysteresis = new(0.3, 0.3);
    private readonly Dictionary<string, bool> _on = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _since = new(StringComparer.Ordinal);
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

    public override string Name => DisplayName ?? "HYST";

    public static TimeSpan MinCycle(SourceKind kind) =>
        kind is SourceKind.Miner or SourceKind.HeatPump ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(5);

    public override void Prepare(StrategySetup setup)
    {
        base.Prepare(setup);
        _on.Clear();
        _since.Clear();
        foreach (var stage in Stages)
        {
            _on[stage.Id] = false;
            _since[stage.Id] = DateTimeOffset.MinValue;
        }

        _lastReport = DateTimeOffset.MinValue;
    }

    public override StrategyDecision Decide(StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.RoomTemperature is not { } room)
        {
            return new StrategyDecision([]);
        }

        var reportAt = observation.Now - observation.RoomTemperatureAge;
        if (reportAt == _lastReport)
        {
            return new StrategyDecision([]);
        }

        _lastReport = reportAt;
        var now = observation.Now;
        var setpoint = BaseSetpoint(observation);
        var order = Order(observation);
        var wanted = new Dictionary<string, (double, double?)>(StringComparer.Ordinal);
        for (var k = 0; k < order.Count; k++)
        {
            var id = order[k].Id;
            bool want;
            if (k == 0)
            {
                want = _hysteresis.ShouldHeat(_on[id], room, setpoint);
            }
            else if (_on[id])
            {
                want = room < setpoint;
            }
            else
            {
                var previous = order[k - 1].Id;
                var previousStalled = _on[previous] && now - _since[previous] >= TimeSpan.FromMinutes(30) && room < setpoint;
                want = room <= setpoint - 0.8 - (0.5 * (k - 1)) || previousStalled;
            }

            if (want != _on[id] && (_since[id] == DateTimeOffset.MinValue || now - _since[id] >= MinCycle(order[k].Kind)))
            {
                _on[id] = want;
                _since[id] = now;
            }

            if (_on[id])
            {
                wanted[id] = (Full(order[k]), Flow(order[k], setpoint, observation.OutdoorTemperature));
            }
        }

        return Emit(wanted);
    }
}
