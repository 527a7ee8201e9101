using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Sim.Heating;

namespace ProofOfHeat.Bench.Heating.Baselines;

/// <summary>
/// What every baseline shares: the stage order of Exergy's blueprint (the miner is stage 1, then
/// heat pump, boiler, resistive as backups), the setpoint rule T_set = lower bound + 0.3 K, the
/// fixed heating curve for hydronic sources, and sending only commands that change something.
/// The comfort sweep (bench/Heating/README.md, Equal comfort) varies three of these as an HA user
/// can: the setpoint offset (<see cref="Margin"/>), a pre-heat lead (the setpoint follows the
/// highest lower bound of the next <see cref="PreheatLead"/>, as a schedule moved earlier does),
/// and the stage order (fixed, or by the marginal cost of a kWh of heat, <see cref="CostOrder"/>).
/// </summary>
public abstract class BaselineStrategy : IHeatingStrategy
{
    public const double SetpointMargin = 0.3;
    private readonly Dictionary<string, double> _sent = new(StringComparer.Ordinal);

    public abstract string Name { get; }

    /// <summary>A name for the table in place of the default one (e.g. "TPI-tuned").</summary>
    public string? DisplayName { get; init; }

    /// <summary>The setpoint above the lower comfort bound, K.</summary>
    public double Margin { get; init; } = SetpointMargin;

    /// <summary>How far ahead the setpoint anticipates a rise of the lower bound (a schedule moved earlier).</summary>
    public TimeSpan PreheatLead { get; init; } = TimeSpan.Zero;

    /// <summary>Stages ordered by the cost of a kWh of heat now instead of the fixed blueprint order.</summary>
    public bool CostOrder { get; init; }

    /// <summary>The sweep point this strategy was built from, for the report; null for the stock baselines.</summary>
    public string? Configuration { get; init; }

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

    /// <summary>The setpoint from the comfort band: the highest lower bound within the pre-heat lead, plus the margin.</summary>
    public double BaseSetpoint(StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var lower = Lower(observation);
        var horizon = observation.Now + PreheatLead;
        foreach (var point in observation.Comfort)
        {
            if (point.Start > observation.Now && point.Start < horizon)
            {
                lower = Math.Max(lower, point.Lower);
            }
        }

        return lower + Margin;
    }

    /// <summary>The stage order now: the blueprint's, or by the cost of a kWh of heat when <see cref="CostOrder"/> is set.</summary>
    protected virtual IReadOnlyList<SourceSpec> Order(StrategyObservation observation)
    {
        if (!CostOrder)
        {
            return Stages;
        }

        var price = HeatCostRanking.CurrentPrice(observation);
        var setpoint = BaseSetpoint(observation);
        return [.. Stages.OrderBy(s => HeatCostRanking.HeatCost(s, observation, price, Curve.FlowTemperature(setpoint, observation.OutdoorTemperature))).ThenBy(s => StageRank(s.Kind))];
    }

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
