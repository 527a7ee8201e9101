namespace ProofOfHeat.Sim.Miners;

/// <summary>
/// The physical miner behind every simulator. Time comes from the injected clock and the state is
/// brought up to date on each call, so a fake clock can jump hours at once. Power ramps linearly
/// to the phase's target (the settle time), every watt becomes heat, hashrate follows from the
/// power and a J/TH that improves at lower power, the chips warm towards intake + rise × kW with a
/// time constant, and restarts keep the API down for a while, then warm up before hashing.
/// </summary>
public sealed class MinerHardware
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private DateTimeOffset _updatedAt;
    private DateTimeOffset _phaseEndsAt = DateTimeOffset.MaxValue;
    private DateTimeOffset _softwareStartedAt;
    private MinerPhase _phase = MinerPhase.Mining;
    private bool _asleep;
    private int _target;
    private double _power;
    private double _chip;
    private double _energy;

    /// <summary>Creates a miner that is mining at nameplate power in air at <paramref name="intakeTemperature"/>.</summary>
    public MinerHardware(MinerHardwareSpec spec, TimeProvider time, double intakeTemperature = 20)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.MinimumPowerWatts);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.NominalPowerWatts, spec.MinimumPowerWatts);
        Spec = spec;
        _time = time;
        _updatedAt = _softwareStartedAt = time.GetUtcNow();
        IntakeTemperature = intakeTemperature;
        _target = spec.NominalPowerWatts;
        _power = spec.NominalPowerWatts;
        _chip = intakeTemperature + (spec.ChipRisePerKilowatt * _power / 1000);
    }

    /// <summary>The miner's physics.</summary>
    public MinerHardwareSpec Spec { get; }

    /// <summary>The air the miner draws in, °C (raise it to test overheating).</summary>
    public double IntakeTemperature { get; set; }

    /// <summary>How many restarts the miner went through (power changes that restart, reboots).</summary>
    public int RestartCount { get; private set; }

    /// <summary>The miner now.</summary>
    public MinerHardwareState Read()
    {
        lock (_gate)
        {
            Update();
            var hashrate = _phase == MinerPhase.Mining ? _power / JoulesPerTerahashAt(_power) : 0;
            var board = IntakeTemperature + (0.8 * (_chip - IntakeTemperature));
            var cooling = Math.Clamp((_chip - 30) / 50, 0.2, 1);
            return new MinerHardwareState(
                _updatedAt, _phase, _target, _power, hashrate, _chip, board,
                (int)Math.Round(Spec.FanMaximumRpm * cooling), _updatedAt - _softwareStartedAt, _energy);
        }
    }

    /// <summary>Sets the power target, clamped to the miner's range; returns the target taken.</summary>
    /// <param name="watts">The wanted power, W.</param>
    /// <param name="restarts">Whether this firmware restarts the mining software to apply it.</param>
    public int SetPowerTarget(int watts, bool restarts = false)
    {
        lock (_gate)
        {
            Update();
            _target = Math.Clamp(watts, Spec.MinimumPowerWatts, Spec.NominalPowerWatts);
            if (restarts)
            {
                BeginRestart();
            }

            return _target;
        }
    }

    /// <summary>Stops hashing; the API stays up.</summary>
    public void Sleep()
    {
        lock (_gate)
        {
            Update();
            _asleep = true;
            if (_phase != MinerPhase.Restarting)
            {
                Enter(MinerPhase.Sleeping, DateTimeOffset.MaxValue);
            }
        }
    }

    /// <summary>Resumes hashing after a warm-up.</summary>
    public void Wake()
    {
        lock (_gate)
        {
            Update();
            _asleep = false;
            if (_phase == MinerPhase.Sleeping)
            {
                Enter(MinerPhase.Starting, _updatedAt + Spec.WarmUpDuration);
            }
        }
    }

    /// <summary>Restarts the mining software (or reboots): the API goes down for the restart duration.</summary>
    public void Restart()
    {
        lock (_gate)
        {
            Update();
            BeginRestart();
        }
    }

    private void BeginRestart()
    {
        RestartCount++;
        Enter(MinerPhase.Restarting, _updatedAt + Spec.RestartDuration);
    }

    private void Enter(MinerPhase phase, DateTimeOffset endsAt)
    {
        _phase = phase;
        _phaseEndsAt = endsAt;
    }

    private void Update()
    {
        var now = _time.GetUtcNow();
        while (_updatedAt < now)
        {
            var until = _phaseEndsAt < now ? _phaseEndsAt : now;
            Integrate((until - _updatedAt).TotalSeconds);
            _updatedAt = until;
            if (until == _phaseEndsAt)
            {
                EndPhase();
            }
        }
    }

    private void EndPhase()
    {
        switch (_phase)
        {
            case MinerPhase.Restarting:
                _softwareStartedAt = _updatedAt;
                if (_asleep)
                {
                    Enter(MinerPhase.Sleeping, DateTimeOffset.MaxValue);
                }
                else
                {
                    Enter(MinerPhase.Starting, _updatedAt + Spec.WarmUpDuration);
                }

                break;
            case MinerPhase.Starting:
                Enter(MinerPhase.Mining, DateTimeOffset.MaxValue);
                break;
            default:
                _phaseEndsAt = DateTimeOffset.MaxValue;
                break;
        }
    }

    // Linear ramp of power towards the phase's target, then first-order chip temperature.
    private void Integrate(double seconds)
    {
        if (seconds <= 0)
        {
            return;
        }

        var goal = _phase switch
        {
            MinerPhase.Mining => _target,
            MinerPhase.Starting => Math.Min(_target, Spec.SleepPowerWatts * 4.0),
            _ => Spec.SleepPowerWatts,
        };
        var rate = Spec.NominalPowerWatts / Spec.SettleTime.TotalSeconds;
        var start = _power;
        var rampSeconds = Math.Min(seconds, Math.Abs(goal - start) / rate);
        _power = rampSeconds >= seconds ? start + (Math.Sign(goal - start) * rate * seconds) : goal;
        var meanPower = rampSeconds >= seconds
            ? (start + _power) / 2
            : (((start + goal) / 2 * rampSeconds) + (goal * (seconds - rampSeconds))) / seconds;
        _energy += meanPower * seconds;

        var steadyChip = IntakeTemperature + (Spec.ChipRisePerKilowatt * meanPower / 1000);
        _chip = steadyChip + ((_chip - steadyChip) * Math.Exp(-seconds / Spec.ThermalTimeConstant.TotalSeconds));
    }

    private double JoulesPerTerahashAt(double watts)
    {
        var span = Spec.NominalPowerWatts - Spec.MinimumPowerWatts;
        var below = span <= 0 ? 0 : Math.Clamp((Spec.NominalPowerWatts - watts) / span, 0, 1);
        return Spec.JoulesPerTerahash * (1 - (Spec.EfficiencyGainAtMinimum * below));
    }
}
