using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>
/// The Proof-of-Heat model-predictive controller under test: identifies a 2R2C model from the
/// warm-up history, then every 15 minutes estimates the house state, plans the next 36 h with
/// <see cref="DpPlanner"/> against the forecast, the published prices and the hashprice, and
/// executes the first slot. Falls back to <see cref="SafetyFallback"/> when the room sensor is
/// silent for over an hour or the plan fails.
/// </summary>
public sealed class MpcStrategy : IHeatingStrategy, IReadsWindowContacts
{
    private readonly PlannerOptions? _options;
    private readonly TimeSpan? _horizon;
    private readonly TimeSpan? _replanInterval;
    private IReadOnlyList<SourceSpec> _specs = [];
    private PredictiveController? _controller;

    /// <summary>Creates the controller with the benchmarked defaults (the runner creates it by reflection).</summary>
    public MpcStrategy()
        : this(null)
    {
    }

    /// <summary>Creates the controller with planner options (defaults when null), a horizon and a re-planning interval (see <see cref="PredictiveController"/>).</summary>
    public MpcStrategy(PlannerOptions? options, TimeSpan? horizon = null, TimeSpan? replanInterval = null) =>
        (_options, _horizon, _replanInterval) = (options, horizon, replanInterval);

    /// <inheritdoc />
    public string Name => "MPC";

    /// <inheritdoc />
    public TimeSpan DecisionInterval => PredictiveController.Slot;

    /// <summary>The model identified in <see cref="Prepare"/>.</summary>
    public IdentificationResult? Identification => _controller?.Identification;

    /// <summary>The planner tuning in use after <see cref="Prepare"/> (the emitter conductance learnt from the warm-up's flows, when it had any).</summary>
    public PlannerOptions? Options => _controller?.Options;

    /// <summary>Wall-clock time of each plan decision (for the compute KPI).</summary>
    public List<TimeSpan> DecisionTimes { get; } = [];

    /// <inheritdoc />
    public void Prepare(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _specs = setup.Sources.Sources;
        _controller = new PredictiveController(ToPlannerSources(_specs), _options, _horizon, _replanInterval);
        var samples = setup.WarmUpHistory
            .Select(h => new IdentificationSample(h.RoomTemperature, h.OutdoorTemperature, h.SolarIrradiance, h.HeatToAirWatts, h.HeatToMassWatts,
                h.HydronicHeatWatts, h.FlowTemperature))
            .ToList();
        var end = setup.WarmUpHistory.Count > 0 ? setup.WarmUpHistory[^1].At + TimeSpan.FromMinutes(1) : default;
        _controller.Identify(samples, TimeSpan.FromMinutes(1), end);
    }

    /// <inheritdoc />
    public StrategyDecision Decide(StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (_controller is null)
        {
            throw new InvalidOperationException("Prepare must be called before Decide.");
        }

        if (observation.WindowOpen == true)
        {
            // A contact reports the window open: pause every source (minimum on times permitting), as the app's window
            // pause and VTherm's window detection do; heat put in now mostly goes out of the window. The estimator
            // catches up over the pause at the next decision.
            return new StrategyDecision(Commands([.. _specs.Select(s => new SourceSetting(s.Id, 0))], observation, _specs), "window open: paused");
        }

        var decision = _controller.Decide(new ControllerObservation(
            observation.Now,
            observation.RoomTemperature,
            observation.RoomTemperatureAge,
            observation.OutdoorTemperature,
            [.. observation.Forecast.Select(f => new WeatherPoint(f.At, f.OutdoorTemperature, f.SolarIrradiance))],
            [.. observation.ElectricityPrices.Select(p => new PriceInterval(p.Start, p.Length, p.EurPerKwh))],
            observation.GasPrice,
            observation.HashpriceEurPerThDay,
            [.. observation.Comfort.Select(c => new ComfortInterval(c.Start, c.Lower, c.Upper))],
            Statuses(observation)));
        if (decision.Plan is not null)
        {
            DecisionTimes.Add(decision.Compute);
        }

        return new StrategyDecision(Commands(decision.Settings, observation, _specs), decision.Note);
    }

    /// <summary>Converts the bench's source descriptions to the planner's.</summary>
    internal static IReadOnlyList<PlannerSource> ToPlannerSources(IReadOnlyList<SourceSpec> specs) =>
        specs.Select(s => new PlannerSource(
            s.Id,
            s.Kind switch
            {
                SourceKind.Miner => HeatSourceKind.Miner,
                SourceKind.HeatPump => HeatSourceKind.HeatPump,
                SourceKind.GasBoiler => HeatSourceKind.GasBoiler,
                _ => HeatSourceKind.Resistive,
            },
            s.PowerLevelsWatts, s.Modulating, s.MinimumOnTime, s.MinimumOffTime, s.JoulesPerTerahash, s.PoolFee, s.Hydronic)).ToList();

    /// <summary>Runs the estimator over the interval since <paramref name="last"/> and applies a fresh reading.</summary>
    internal static void Track(StateEstimator estimator, IReadOnlyList<PlannerSource> sources, StrategyObservation observation, DateTimeOffset last,
        double solar, double extraGains = 0) =>
        PredictiveController.Track(estimator, sources, Statuses(observation), observation.Now - last, observation.OutdoorTemperature, solar,
            observation.RoomTemperature, observation.RoomTemperatureAge, extraGains);

    /// <summary>The present state of every source in planner terms.</summary>
    internal static List<SourceStatus> Statuses(StrategyObservation observation) =>
        observation.Sources.Select(s => new SourceStatus(s.Id, s.Running ? s.PowerWatts : 0, s.SinceLastSwitch)).ToList();

    /// <summary>
    /// Turns settings into commands, never asking for a switch that a minimum on/off time forbids,
    /// and only naming sources whose level (or, when running hydronic, flow) changes.
    /// </summary>
    internal static List<SourceCommand> Commands(IReadOnlyList<SourceSetting> settings, StrategyObservation observation, IReadOnlyList<SourceSpec> specs)
    {
        var honoured = PredictiveController.HonourDwell(settings, Statuses(observation), ToPlannerSources(specs));
        var commands = new List<SourceCommand>();
        foreach (var setting in honoured)
        {
            var spec = specs.First(s => s.Id == setting.Id);
            var state = observation.Sources.FirstOrDefault(s => s.Id == setting.Id);
            var current = state is { Running: true } ? state.PowerWatts : 0;
            if (Math.Abs(current - setting.Watts) > 1 || (spec.Hydronic && setting.Watts > 0))
            {
                commands.Add(new SourceCommand(setting.Id, setting.Watts, setting.Watts > 0 ? setting.FlowTemperature : null));
            }
        }

        return commands;
    }

    /// <summary>The forecast at <paramref name="at"/>, linear between the hourly points.</summary>
    internal static ForecastPoint Interpolate(IReadOnlyList<ForecastPoint> points, DateTimeOffset at)
    {
        var point = PredictiveController.Interpolate([.. points.Select(f => new WeatherPoint(f.At, f.OutdoorTemperature, f.SolarIrradiance))], at);
        return new ForecastPoint(point.At, point.OutdoorTemperature, point.SolarIrradiance);
    }
}
