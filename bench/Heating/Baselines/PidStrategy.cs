using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Control.Baselines;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// PID with outdoor compensation as HASmartThermostat computes it (github.com/ScratMan/HASmartThermostat; bench/Heating/README.md, Baselines):
/// on each sensor report, P = Kp·e, I += Ki·e·dt (clamped to 0..100, the anti-windup), D = −Kd·ΔT/dt,
/// E = Ke·(T_set − T_out), output = clamp(P + I + D + E, 0, 100) %. Switch-type stages (resistive,
/// boiler) use PWM with a 15-min period; miners and heat pumps take the % directly (valve mode,
/// pwm = 0) as tier or modulation. Stage 2 joins at full power after 30 min at 100 % and leaves
/// once T ≥ T_set. After 6 h without reports (sensor_stall) the output is the 5 % safety value.
/// </summary>
public sealed class PidStrategy(PidTuning? tuning = null) : BaselineStrategy
{
    private static readonly TimeSpan Pwm = TimeSpan.FromMinutes(15);
    private PidController _pid = new(ToGains(tuning ?? new PidTuning()));
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;
    private DateTimeOffset _pwmStart = DateTimeOffset.MinValue;
    private DateTimeOffset _saturatedSince = DateTimeOffset.MaxValue;
    private bool _stage2;

    public PidTuning Tuning { get; } = tuning ?? new PidTuning();

    public override string Name => "PID";

    /// <summary>The output, %.</summary>
    public double Output { get; private set; }

    public override void Prepare(StrategySetup setup)
    {
        base.Prepare(setup);
        _pid = new PidController(ToGains(Tuning));
        _lastReport = DateTimeOffset.MinValue;
        _pwmStart = DateTimeOffset.MinValue;
        _saturatedSince = DateTimeOffset.MaxValue;
        _stage2 = false;
    }

    public override StrategyDecision Decide(StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var now = observation.Now;
        var setpoint = BaseSetpoint(observation);
        var reportAt = observation.Now - observation.RoomTemperatureAge;
        if (observation.RoomTemperature is { } room && reportAt != _lastReport)
        {
            _lastReport = reportAt;
            Output = _pid.Update(now, setpoint, room, observation.OutdoorTemperature);
        }
        else if (observation.RoomTemperature is null && observation.RoomTemperatureAge > TimeSpan.FromHours(6))
        {
            Output = 5;
        }

        if (Output >= 100)
        {
            _saturatedSince = _saturatedSince == DateTimeOffset.MaxValue ? now : _saturatedSince;
        }
        else
        {
            _saturatedSince = DateTimeOffset.MaxValue;
        }

        if (!_stage2 && now - _saturatedSince >= TimeSpan.FromMinutes(30))
        {
            _stage2 = true;
        }
        else if (_stage2 && observation.RoomTemperature is { } t && t >= setpoint)
        {
            _stage2 = false;
        }

        if (_pwmStart == DateTimeOffset.MinValue || now - _pwmStart >= Pwm)
        {
            _pwmStart = now;
        }

        var wanted = new Dictionary<string, (double Power, double? Flow)>(StringComparer.Ordinal);
        for (var k = 0; k < Stages.Count; k++)
        {
            var spec = Stages[k];
            var flow = Flow(spec, setpoint, observation.OutdoorTemperature);
            var power = k == 0 ? Actuate(spec, Output / 100, now - _pwmStart, Pwm) : (_stage2 && k == 1 ? Full(spec) : 0);
            if (power > 0)
            {
                wanted[spec.Id] = (power, flow);
            }
        }

        return Emit(wanted);
    }

    /// <summary>
    /// The level of a stage for the output <paramref name="fraction"/>, <paramref name="elapsed"/> into a PWM period:
    /// valve-type stages (miner tiers as power target, heat-pump modulation) get the fraction as their opening;
    /// switch-type stages are on for fraction × period, with minimal activation 10 s (300 s boiler).
    /// </summary>
    private static double Actuate(SourceSpec spec, double fraction, TimeSpan elapsed, TimeSpan period)
    {
        if (spec.Kind is SourceKind.Miner or SourceKind.HeatPump)
        {
            return fraction * Full(spec);
        }

        var minimum = spec.Kind == SourceKind.GasBoiler ? TimeSpan.FromSeconds(300) : TimeSpan.FromSeconds(10);
        var onTime = period * fraction;
        if (onTime < minimum)
        {
            return 0;
        }

        return elapsed < onTime ? Full(spec) : 0;
    }

    private static PidGains ToGains(PidTuning tuning) => new(tuning.Kp, tuning.Ki, tuning.Kd, tuning.Ke);
}
