using System.Diagnostics;
using System.Globalization;
using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>
/// The Proof-of-Heat model-predictive controller under test: identifies a 2R2C model from the
/// warm-up history, then every 15 minutes estimates the house state, plans the next 36 h with
/// <see cref="DpPlanner"/> against the forecast, the published prices and the hashprice, and
/// executes the first slot. Falls back to <see cref="SafetyFallback"/> when the room sensor is
/// silent for over an hour or the plan fails.
/// </summary>
public sealed class MpcStrategy : IHeatingStrategy
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);
    private DpPlanner _planner;
    private readonly int _horizonSlots;
    private readonly Dictionary<DateTimeOffset, PricePoint> _priceHistory = [];
    private IReadOnlyList<SourceSpec> _specs = [];
    private IReadOnlyList<PlannerSource> _sources = [];
    private ThermalModel? _model;
    private StateEstimator? _estimator;
    private DateTimeOffset _lastTime;
    private readonly TimeSpan _replanInterval;
    private PlanSolution? _solution;
    private DateTimeOffset _solvedAt;
    private DateTimeOffset _solvedPublished;
    private double _solvedMass;

    /// <summary>Creates the controller with the benchmarked defaults (the runner creates it by reflection).</summary>
    public MpcStrategy()
        : this(null)
    {
    }

    /// <summary>
    /// Creates the controller with planner options (defaults when null), a horizon (default 36 h) and
    /// how often the programme is solved afresh (default hourly, and always when new prices are
    /// published or the state leaves the solved grid); in between, each 15-min decision follows the
    /// solved cost-to-go from the newly estimated state.
    /// </summary>
    public MpcStrategy(PlannerOptions? options, TimeSpan? horizon = null, TimeSpan? replanInterval = null)
    {
        _replanInterval = replanInterval ?? TimeSpan.FromHours(1);
        _planner = new DpPlanner(options);
        _horizonSlots = (int)((horizon ?? TimeSpan.FromHours(36)) / Slot);
    }

    /// <inheritdoc />
    public string Name => "MPC";

    /// <inheritdoc />
    public TimeSpan DecisionInterval => Slot;

    /// <summary>The model identified in <see cref="Prepare"/>.</summary>
    public IdentificationResult? Identification { get; private set; }

    /// <summary>Wall-clock time of each plan decision (for the compute KPI).</summary>
    public List<TimeSpan> DecisionTimes { get; } = [];

    /// <inheritdoc />
    public void Prepare(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _specs = setup.Sources.Sources;
        _sources = ToPlannerSources(_specs);
        var samples = setup.WarmUpHistory
            .Select(h => new IdentificationSample(h.RoomTemperature, h.OutdoorTemperature, h.SolarIrradiance, h.HeatToAirWatts, h.HeatToMassWatts))
            .ToList();
        Identification = ModelIdentifier.Fit(samples, TimeSpan.FromMinutes(1));
        _model = Identification.Model;

        // Where the delivered heat went in the history tells radiators (all to the air) from
        // underfloor heating (mostly to the slab, behind a slow lag), as an installer would know.
        var shares = setup.WarmUpHistory.Where(h => h.HeatToMassWatts > 50)
            .Select(h => h.HeatToMassWatts / (h.HeatToMassWatts + h.HeatToAirWatts)).Order().ToList();
        var massShare = shares.Count > 30 ? Math.Round(shares[(int)(shares.Count * 0.9)], 1) : 0;
        var lag = massShare > 0.3 ? TimeSpan.FromHours(2.5) : TimeSpan.FromMinutes(30);
        _planner = new DpPlanner(_planner.Options with { HydronicMassShare = massShare });
        _estimator = new StateEstimator(_model, Identification.FinalAirTemperature, Identification.FinalMassTemperature, lag, massShare);
        _lastTime = setup.WarmUpHistory.Count > 0 ? setup.WarmUpHistory[^1].At + TimeSpan.FromMinutes(1) : default;
    }

    /// <inheritdoc />
    public StrategyDecision Decide(StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (_model is null || _estimator is null)
        {
            throw new InvalidOperationException("Prepare must be called before Decide.");
        }

        foreach (var price in observation.ElectricityPrices)
        {
            _priceHistory[price.Start] = price;
        }

        var solar = Interpolate(observation.Forecast, observation.Now).SolarIrradiance;
        Track(_estimator, _specs, observation, _lastTime, solar);
        _lastTime = observation.Now;
        var statuses = Statuses(observation);
        var slots = BuildSlots(observation);
        if (SafetyFallback.ShouldEngage(observation.RoomTemperature, observation.RoomTemperatureAge))
        {
            _solution = null;
            return Fallback(observation, slots[0], "safety: room sensor silent");
        }

        try
        {
            var watch = Stopwatch.StartNew();
            var published = observation.ElectricityPrices.Count > 0 ? observation.ElectricityPrices[^1].Start : default;
            var slot = _solution is null ? 0 : (int)((observation.Now - _solvedAt) / Slot);
            if (_solution is null || observation.Now - _solvedAt >= _replanInterval || published != _solvedPublished
                || slot >= _solution.SlotCount - 1 || Math.Abs(_estimator.Mass - _solvedMass) > 1.5)
            {
                var request = new PlanRequest(_model, slots, Slot, _sources, observation.GasPrice, observation.HashpriceEurPerThDay);
                _solution = _planner.Solve(request, _estimator.Mass);
                (_solvedAt, _solvedPublished, _solvedMass, slot) = (observation.Now, published, _estimator.Mass, 0);
            }

            var decision = _planner.Choose(_solution, slot, _estimator.Air, _estimator.Mass, statuses);
            watch.Stop();
            DecisionTimes.Add(watch.Elapsed);
            var note = string.Create(CultureInfo.InvariantCulture,
                $"air {_estimator.Air:F2} mass {_estimator.Mass:F2} → {decision.PredictedAirTemperature:F2}; {watch.Elapsed.TotalMilliseconds:F0} ms");
            return new StrategyDecision(Commands(decision.Settings, observation, _specs), note);
        }
        catch (InvalidOperationException e)
        {
            _solution = null;
            return Fallback(observation, slots[0], "safety: plan failed: " + e.Message);
        }
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
    internal static void Track(StateEstimator estimator, IReadOnlyList<SourceSpec> specs, StrategyObservation observation, DateTimeOffset last,
        double solar, double extraGains = 0)
    {
        double direct = 0, hydronic = 0;
        foreach (var state in observation.Sources)
        {
            var spec = specs.FirstOrDefault(s => s.Id == state.Id);
            if (spec is null || !state.Running)
            {
                continue;
            }

            if (spec.Hydronic)
            {
                hydronic += state.PowerWatts;
            }
            else
            {
                direct += state.PowerWatts;
            }
        }

        var elapsed = observation.Now - last;
        if (elapsed > TimeSpan.Zero && elapsed < TimeSpan.FromDays(1))
        {
            estimator.Advance(elapsed, direct, hydronic, observation.OutdoorTemperature, solar, extraGains);
        }

        if (observation.RoomTemperature is { } room && observation.RoomTemperatureAge <= SafetyFallback.SensorTimeout)
        {
            estimator.Correct(room);
        }
    }

    /// <summary>The present state of every source in planner terms.</summary>
    internal static List<SourceStatus> Statuses(StrategyObservation observation) =>
        observation.Sources.Select(s => new SourceStatus(s.Id, s.Running ? s.PowerWatts : 0, s.SinceLastSwitch)).ToList();

    /// <summary>
    /// Turns settings into commands, never asking for a switch that a minimum on/off time forbids,
    /// and only naming sources whose level (or, when running hydronic, flow) changes.
    /// </summary>
    internal static List<SourceCommand> Commands(IReadOnlyList<SourceSetting> settings, StrategyObservation observation, IReadOnlyList<SourceSpec> specs)
    {
        var commands = new List<SourceCommand>();
        foreach (var setting in settings)
        {
            var spec = specs.First(s => s.Id == setting.Id);
            var state = observation.Sources.FirstOrDefault(s => s.Id == setting.Id);
            var level = setting.Watts;
            if (state is not null)
            {
                if (state.Running && level <= 0 && state.SinceLastSwitch < spec.MinimumOnTime)
                {
                    level = state.PowerWatts;
                }
                else if (!state.Running && level > 0 && state.SinceLastSwitch < spec.MinimumOffTime)
                {
                    level = 0;
                }
            }

            var current = state is { Running: true } ? state.PowerWatts : 0;
            if (Math.Abs(current - level) > 1 || (spec.Hydronic && level > 0))
            {
                commands.Add(new SourceCommand(setting.Id, level, level > 0 ? setting.FlowTemperature : null));
            }
        }

        return commands;
    }

    /// <summary>The forecast at <paramref name="at"/>, linear between the hourly points.</summary>
    internal static ForecastPoint Interpolate(IReadOnlyList<ForecastPoint> points, DateTimeOffset at)
    {
        if (points.Count == 0)
        {
            return new ForecastPoint(at, 5, 0);
        }

        if (at <= points[0].At)
        {
            return points[0];
        }

        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].At >= at)
            {
                var a = points[i - 1];
                var b = points[i];
                var w = (at - a.At) / (b.At - a.At);
                return new ForecastPoint(at, a.OutdoorTemperature + (w * (b.OutdoorTemperature - a.OutdoorTemperature)),
                    a.SolarIrradiance + (w * (b.SolarIrradiance - a.SolarIrradiance)));
            }
        }

        return points[^1];
    }

    private StrategyDecision Fallback(StrategyObservation observation, PlanSlot slot, string note)
    {
        var target = Math.Max(slot.LowerBound, 16) + 0.5;
        var settings = SafetyFallback.Settings(_sources, _model!.HeatLossCoefficient, target, observation.OutdoorTemperature, slot,
            observation.GasPrice, observation.HashpriceEurPerThDay, _planner.Options);
        return new StrategyDecision(Commands(settings, observation, _specs), note);
    }

    private List<PlanSlot> BuildSlots(StrategyObservation observation)
    {
        var slots = new List<PlanSlot>(_horizonSlots);
        var knownMean = observation.ElectricityPrices.Count > 0 ? observation.ElectricityPrices.Average(p => p.EurPerKwh) : 0.3;
        for (var k = 0; k < _horizonSlots; k++)
        {
            var start = observation.Now + (Slot * k);
            var weather = Interpolate(observation.Forecast, start + (Slot / 2));
            var comfort = ComfortAt(observation.Comfort, start);
            slots.Add(new PlanSlot(start, weather.OutdoorTemperature, weather.SolarIrradiance, PriceAt(observation.ElectricityPrices, start, knownMean),
                comfort.Lower, comfort.Upper));
        }

        return slots;
    }

    // Beyond the published horizon the best guess for a quarter-hour's price is the same quarter-hour
    // a day (or two) earlier: day-ahead prices repeat their daily shape far better than any mean.
    private double PriceAt(IReadOnlyList<PricePoint> prices, DateTimeOffset start, double fallback)
    {
        foreach (var price in prices)
        {
            if (price.Start <= start && start < price.Start + price.Length)
            {
                return price.EurPerKwh;
            }
        }

        for (var days = 1; days <= 7; days++)
        {
            var earlier = start - TimeSpan.FromDays(days);
            foreach (var minutes in (int[])[15, 30, 60])
            {
                var floor = new DateTimeOffset(earlier.Ticks - (earlier.Ticks % TimeSpan.FromMinutes(minutes).Ticks), earlier.Offset);
                if (_priceHistory.TryGetValue(floor, out var hit) && earlier < hit.Start + hit.Length)
                {
                    return hit.EurPerKwh;
                }
            }
        }

        return fallback;
    }

    private static ComfortPoint ComfortAt(IReadOnlyList<ComfortPoint> comfort, DateTimeOffset start)
    {
        ComfortPoint? best = null;
        foreach (var point in comfort)
        {
            if (point.Start <= start)
            {
                best = point;
            }
            else
            {
                break;
            }
        }

        return best ?? (comfort.Count > 0 ? comfort[0] : new ComfortPoint(start, 20, 24));
    }
}
