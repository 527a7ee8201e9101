using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Control;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// TPI as Versatile Thermostat runs it (github.com/jmcollin78/versatile_thermostat; bench/Heating/README.md, Baselines): every cycle
/// on% = clamp(coef_int·(T_set − T) + coef_ext·(T_set − T_out), 0, 1). The cycle is 5 min (30 min
/// when the first stage is a boiler). The first stage is driven by the app's own
/// <see cref="TimeProportionalDrive"/> (apps/Control), so the bench scores what users get: between the two levels
/// that bracket on% × its top level, time-proportioned within the cycle, the cycle stretched so that no on or off
/// phase is shorter than the source's minimum on/off time (a miner's dwell); a modulating stage above its lowest level
/// gets on% × top itself. Stage 2 turns on at full power after on% = 1 for 2 consecutive cycles (stage 3 after
/// 4) and off at the first cycle with on% &lt; 1. Without a room report for 60 min, VTherm's
/// safety mode applies on% = 0.1.
/// </summary>
public class TpiStrategy : BaselineStrategy
{
    private readonly TpiController _tpi;
    private readonly Dictionary<string, TimeProportionalDrive> _drives = new(StringComparer.Ordinal);
    private DateTimeOffset _cycleStart = DateTimeOffset.MinValue;
    private double _onFraction;
    private int _saturatedCycles;

    public TpiStrategy(TpiTuning? tuning = null)
    {
        Tuning = tuning ?? new TpiTuning();
        _tpi = new TpiController(new TpiOptions { CoefInt = Tuning.CoefInt, CoefExt = Tuning.CoefExt });
    }

    public TpiTuning Tuning { get; }

    public override string Name => DisplayName ?? "TPI";

    /// <summary>The on% of the current cycle.</summary>
    public double OnFraction => _onFraction;

    protected TimeSpan Cycle => Stages.Count > 0 && Stages[0].Kind == SourceKind.GasBoiler ? TimeSpan.FromMinutes(30) : TimeSpan.FromMinutes(5);

    public override void Prepare(StrategySetup setup)
    {
        base.Prepare(setup);
        _cycleStart = DateTimeOffset.MinValue;
        _saturatedCycles = 0;
        _drives.Clear();
        foreach (var spec in Sources.Sources)
        {
            var limits = new TpiSourceLimits(spec.PowerLevelsWatts, spec.Modulating, spec.MinimumOnTime, spec.MinimumOffTime);
            _drives[spec.Id] = new TimeProportionalDrive(limits, Cycle, Max(Cycle, TimeProportionalDrive.DefaultMaxCycle));
        }
    }

    /// <summary>The setpoint now (PRICE-RULE shifts it by price).</summary>
    protected virtual double Setpoint(StrategyObservation observation) => BaseSetpoint(observation);

    /// <summary>A hook to add levels on top of the TPI result (PRICE-RULE's profitable mining).</summary>
    protected virtual void Adjust(StrategyObservation observation, Dictionary<string, (double Power, double? Flow)> wanted)
    {
    }

    public override StrategyDecision Decide(StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var now = observation.Now;
        var setpoint = Setpoint(observation);
        var order = Order(observation);
        if (_cycleStart == DateTimeOffset.MinValue || now - _cycleStart >= Cycle)
        {
            _cycleStart = now;
            _onFraction = observation.RoomTemperature is { } room && observation.RoomTemperatureAge < TimeSpan.FromMinutes(60)
                ? _tpi.OnFraction(setpoint, room, observation.OutdoorTemperature)
                : 0.1;
            _saturatedCycles = _onFraction >= 1 ? _saturatedCycles + 1 : 0;
        }

        var wanted = new Dictionary<string, (double Power, double? Flow)>(StringComparer.Ordinal);
        for (var k = 0; k < order.Count; k++)
        {
            var spec = order[k];
            var flow = Flow(spec, setpoint, observation.OutdoorTemperature);
            if (k == 0)
            {
                var state = observation.Sources.FirstOrDefault(x => x.Id == spec.Id);
                var status = state is null ? new TpiSourceStatus(false, TimeSpan.MaxValue) : new TpiSourceStatus(state.Running, state.SinceLastSwitch);
                var power = _drives[spec.Id].Step(now, _onFraction, status).Watts;
                if (power > 0)
                {
                    wanted[spec.Id] = (power, flow);
                }
            }
            else if (_saturatedCycles >= 2 * k)
            {
                wanted[spec.Id] = (Full(spec), flow);
            }
        }

        Adjust(observation, wanted);
        return Emit(wanted);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
