using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Sim.Heating;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// What every baseline shares: the stage order of Exergy's blueprint (the miner is stage 1, then
/// heat pump, boiler, resistive as backups), the setpoint rule T_set = lower bound + 0.3 K, the
/// fixed heating curve for hydronic sources, and sending only commands that change something.
/// </summary>
public abstract class BaselineStrategy : IHeatingStrategy
{
    public const double SetpointMargin = 0.3;
    private readonly Dictionary<string, double> _sent = new(StringComparer.Ordinal);

    public abstract string Name { get; }

    public virtual TimeSpan DecisionInterval => TimeSpan.FromSeconds(60);

    public ScenarioSources Sources { get; private set; } = new([]);

    /// <summary>Sources in stage order.</summary>
    public IReadOnlyList<SourceSpec> Stages { get; private set; } = [];

    /// <summary>The fixed heating curve: slope 1.0 for radiators (bench/Heating/README.md, Baselines).</summary>
    public HeatingCurve Curve { get; init; } = new(Slope: 1.0);

    public virtual void Prepare(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Sources = setup.Sources;
        Stages = [.. setup.Sources.Sources.OrderBy(s => StageRank(s.Kind))];
    }

    public abstract StrategyDecision Decide(StrategyObservation observation);

    public static int StageRank(SourceKind kind) => kind switch
    {
        SourceKind.Miner => 0,
        SourceKind.HeatPump => 1,
        SourceKind.GasBoiler => 2,
        _ => 3,
    };

    /// <summary>The lower comfort bound now.</summary>
    public static double Lower(StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.Comfort.Count > 0 ? observation.Comfort[0].Lower : 21;
    }

    /// <summary>The upper comfort bound now.</summary>
    public static double Upper(StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.Comfort.Count > 0 ? observation.Comfort[0].Upper : 24;
    }

    /// <summary>The flow temperature for a hydronic source at a room setpoint, or null for air-side sources.</summary>
    public double? Flow(SourceSpec spec, double setpoint, double outdoor)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Hydronic ? Curve.FlowTemperature(setpoint, outdoor) : null;
    }

    public static double Full(SourceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.PowerLevelsWatts[^1];
    }

    /// <summary>Builds a decision from wanted levels (sources not named are turned off), keeping only changes.</summary>
    protected StrategyDecision Emit(IReadOnlyDictionary<string, (double Power, double? Flow)> wanted, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var commands = new List<SourceCommand>();
        foreach (var spec in Sources.Sources)
        {
            var (power, flow) = wanted.TryGetValue(spec.Id, out var w) ? w : (0, null);
            // Hydronic sources get their flow temperature every time so the curve follows the weather.
            if (!_sent.TryGetValue(spec.Id, out var previous) || Math.Abs(previous - power) > 1e-6 || (flow is not null && power > 0))
            {
                commands.Add(new SourceCommand(spec.Id, power, flow));
                _sent[spec.Id] = power;
            }
        }

        return new StrategyDecision(commands, note);
    }
}
