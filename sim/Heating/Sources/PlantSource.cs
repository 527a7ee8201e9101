namespace ProofOfHeat.Sim.Heating.Sources;

/// <summary>
/// A heat source of the PoH-Bench plant: it snaps commands to its levels, enforces its minimum
/// on and off times (a command that would break them is kept pending and applied as soon as it
/// may), and counts starts, level changes and travel for the switching KPIs.
/// </summary>
public abstract class PlantSource
{
    private const double Epsilon = 1e-9;
    private double? _pending;

    /// <summary>Creates the source, off, as if it had been off for a long time.</summary>
    protected PlantSource(string id, IReadOnlyList<double> levels, bool modulating, TimeSpan minimumOnTime, TimeSpan minimumOffTime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count < 2 || levels[0] != 0 || levels.Zip(levels.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            throw new ArgumentException("Levels must start with 0 and ascend strictly.", nameof(levels));
        }

        Id = id;
        Levels = levels;
        Modulating = modulating;
        MinimumOnTime = minimumOnTime;
        MinimumOffTime = minimumOffTime;
    }

    /// <summary>The source id.</summary>
    public string Id { get; }

    /// <summary>What kind of source this is.</summary>
    public abstract PlantSourceKind Kind { get; }

    /// <summary>Whether the source heats water that reaches the room through emitters (with a delivery lag).</summary>
    public virtual bool Hydronic => false;

    /// <summary>Levels in the source's command unit (electric W for miners and heaters, thermal W otherwise), ascending from 0.</summary>
    public IReadOnlyList<double> Levels { get; }

    /// <summary>Whether any level in [Levels[1], Levels[^1]] is allowed.</summary>
    public bool Modulating { get; }

    /// <summary>Minimum run time once started.</summary>
    public TimeSpan MinimumOnTime { get; }

    /// <summary>Minimum off time once stopped.</summary>
    public TimeSpan MinimumOffTime { get; }

    /// <summary>The level in force.</summary>
    public double Level { get; private set; }

    /// <summary>Whether the source runs.</summary>
    public bool Running => Level > 0;

    /// <summary>The flow temperature asked for with the last command, or null for the plant's heating curve.</summary>
    public double? FlowTemperatureSetpoint { get; private set; }

    /// <summary>When the source last turned on or off.</summary>
    public DateTimeOffset LastSwitch { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Off→on transitions.</summary>
    public int Starts { get; private set; }

    /// <summary>On→off transitions.</summary>
    public int Stops { get; private set; }

    /// <summary>Changes between two non-zero levels (tier changes, modulation steps).</summary>
    public int LevelChanges { get; private set; }

    /// <summary>Commands that would have broken a minimum on/off time and were deferred.</summary>
    public int DwellViolationAttempts { get; private set; }

    /// <summary>Actuator travel: the sum of |Δlevel| divided by the top level.</summary>
    public double Travel { get; private set; }

    /// <summary>Time since the last on/off switch at <paramref name="now"/>.</summary>
    public TimeSpan SinceLastSwitch(DateTimeOffset now) =>
        LastSwitch == DateTimeOffset.MinValue ? TimeSpan.FromDays(365) : now - LastSwitch;

    /// <summary>Snaps a requested level to an allowed one: below half the lowest level means off.</summary>
    public double Snap(double requested)
    {
        if (double.IsNaN(requested) || requested < Levels[1] / 2)
        {
            return 0;
        }

        if (Modulating)
        {
            return Math.Clamp(requested, Levels[1], Levels[^1]);
        }

        var best = Levels[1];
        foreach (var level in Levels.Skip(1))
        {
            if (Math.Abs(level - requested) < Math.Abs(best - requested))
            {
                best = level;
            }
        }

        return best;
    }

    /// <summary>Commands a level (snapped); returns false when the command was deferred by a minimum on/off time.</summary>
    public bool Command(DateTimeOffset now, double requested, double? flowTemperature = null)
    {
        FlowTemperatureSetpoint = flowTemperature;
        var target = Snap(requested);
        if (Math.Abs(target - Level) < Epsilon)
        {
            _pending = null;
            return true;
        }

        if (!MayApply(now, target))
        {
            if (_pending is not { } pending || Math.Abs(pending - target) > Epsilon)
            {
                DwellViolationAttempts++;
            }

            _pending = target;
            return false;
        }

        Apply(now, target);
        return true;
    }

    /// <summary>Applies a deferred command once its minimum time has passed; call every step.</summary>
    public void Tick(DateTimeOffset now)
    {
        if (_pending is { } pending && MayApply(now, pending))
        {
            Apply(now, pending);
        }
    }

    /// <summary>Produces heat over a step at the level in force.</summary>
    public abstract SourceOutput Produce(SourceConditions conditions);

    private bool MayApply(DateTimeOffset now, double target)
    {
        var switching = (target > 0) != Running;
        if (!switching)
        {
            return true;
        }

        return SinceLastSwitch(now) >= (Running ? MinimumOnTime : MinimumOffTime);
    }

    private void Apply(DateTimeOffset now, double target)
    {
        _pending = null;
        Travel += Math.Abs(target - Level) / Levels[^1];
        if (target > 0 && !Running)
        {
            Starts++;
            LastSwitch = now;
        }
        else if (target == 0 && Running)
        {
            Stops++;
            LastSwitch = now;
        }
        else
        {
            LevelChanges++;
        }

        Level = target;
    }
}
