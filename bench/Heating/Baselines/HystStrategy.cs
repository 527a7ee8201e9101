using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Control;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// HYST: HA's generic_thermostat as HA runs it (home-assistant.io/integrations/generic_thermostat; bench/Heating/README.md, Baselines). Stage 1 switches ON at
/// T ≤ T_set − 0.3 and OFF at T ≥ T_set + 0.3, evaluated on each sensor report, holding each state
/// for min_cycle_duration (5 min; 10 min for miners and heat pumps). Stage k+1 (a backup) turns on
/// when T ≤ T_set − 0.8 − 0.5·(k−1) or when stage k has run 30 min without recovering to T_set,
/// and off once T ≥ T_set. Every stage runs at full power; hydronic ones on the fixed curve.
/// </summary>
public sealed class HystStrategy : BaselineStrategy
{
    private readonly HysteresisController _hysteresis = new(0.3, 0.3);
    private bool[] _on = [];
    private DateTimeOffset[] _since = [];
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

    public override string Name => "HYST";

    public static TimeSpan MinCycle(SourceKind kind) =>
        kind is SourceKind.Miner or SourceKind.HeatPump ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(5);

    public override void Prepare(StrategySetup setup)
    {
        base.Prepare(setup);
        _on = new bool[Stages.Count];
        _since = [.. Enumerable.Repeat(DateTimeOffset.MinValue, Stages.Count)];
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
        var setpoint = Lower(observation) + SetpointMargin;
        var wanted = new Dictionary<string, (double, double?)>(StringComparer.Ordinal);
        for (var k = 0; k < Stages.Count; k++)
        {
            bool want;
            if (k == 0)
            {
                want = _hysteresis.ShouldHeat(_on[0], room, setpoint);
            }
            else if (_on[k])
            {
                want = room < setpoint;
            }
            else
            {
                var previousStalled = _on[k - 1] && now - _since[k - 1] >= TimeSpan.FromMinutes(30) && room < setpoint;
                want = room <= setpoint - 0.8 - (0.5 * (k - 1)) || previousStalled;
            }

            if (want != _on[k] && (_since[k] == DateTimeOffset.MinValue || now - _since[k] >= MinCycle(Stages[k].Kind)))
            {
                _on[k] = want;
                _since[k] = now;
            }

            if (_on[k])
            {
                wanted[Stages[k].Id] = (Full(Stages[k]), Flow(Stages[k], setpoint, observation.OutdoorTemperature));
            }
        }

        return Emit(wanted);
    }
}
