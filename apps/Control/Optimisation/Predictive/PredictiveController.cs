using System.Diagnostics;
using System.Globalization;

namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// The model-predictive heating controller for one zone, the same one in the heating app and in
/// PoH-Bench: it identifies a 2R2C model from observed history (never from the house's true
/// parameters), tracks the house state between decisions, plans the next 36 h with
/// <see cref="DpPlanner"/> against the forecast, the published prices and the hashprice, and
/// executes the slot starting now. It falls back to <see cref="SafetyFallback"/> when the room
/// sensor is silent for over an hour or the plan fails. Pure: no clock, no I/O; not thread-safe.
/// </summary>
public sealed class PredictiveController
{
    /// <summary>The planning slot: one decision per slot.</summary>
    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan PriceMemory = TimeSpan.FromDays(8);
    private readonly int _horizonSlots;
    private readonly TimeSpan _replanInterval;
    private readonly Dictionary<DateTimeOffset, PriceInterval> _priceHistory = [];
    private DpPlanner _planner;
    private StateEstimator? _estimator;
    private DateTimeOffset _lastTime;
    private PlanSolution? _solution;
    private DateTimeOffset _solvedAt;
    private DateTimeOffset _solvedPublished;
    private double _solvedMass;

    /// <summary>
    /// Creates the controller with planner options (defaults when null), a horizon (default 36 h) and
    /// how often the programme is solved afresh (default hourly, and always when new prices are
    /// published or the state leaves the solved grid); in between, each decision follows the solved
    /// cost-to-go from the newly estimated state.
    /// </summary>
    public PredictiveController(IReadOnlyList<PlannerSource> sources, PlannerOptions? options = null, TimeSpan? horizon = null, TimeSpan? replanInterval = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        Sources = sources;
        _replanInterval = replanInterval ?? TimeSpan.FromHours(1);
        _planner = new DpPlanner(options);
        _horizonSlots = Math.Max(1, (int)((horizon ?? TimeSpan.FromHours(36)) / Slot));
    }

    /// <summary>The sources, in the order of every decision's settings.</summary>
    public IReadOnlyList<PlannerSource> Sources { get; }

    /// <summary>The model identified by <see cref="Identify"/>, or null before.</summary>
    public IdentificationResult? Identification { get; private set; }

    /// <summary>The planner tuning in use (the hydronic mass share and, from measured flows, the emitter conductance are inferred by <see cref="Identify"/>).</summary>
    public PlannerOptions Options => _planner.Options;

    /// <summary>The estimated air temperature, °C (NaN before <see cref="Identify"/>).</summary>
    public double EstimatedAir => _estimator?.Air ?? double.NaN;

    /// <summary>The estimated mass temperature, °C (NaN before <see cref="Identify"/>).</summary>
    public double EstimatedMass => _estimator?.Mass ?? double.NaN;

    /// <summary>
    /// Fits the house model on evenly spaced <paramref name="history"/> ending at <paramref name="historyEnd"/>
    /// and starts tracking the house from the fit's final state. Where the delivered heat went tells
    /// radiators (all to the air) from underfloor heating (mostly to the slab, behind a slow lag), as
    /// an installer would know. When the history has measured flow temperatures and hydronic heat,
    /// the emitter conductance is learnt from them (<see cref="EmitterIdentifier"/>) and set in
    /// <see cref="Options"/>. Call again later to re-fit on more history.
    /// </summary>
    public IdentificationResult Identify(IReadOnlyList<IdentificationSample> history, TimeSpan interval, DateTimeOffset historyEnd)
    {
        ArgumentNullException.ThrowIfNull(history);
        var fit = ModelIdentifier.Fit(history, interval);
        var shares = history.Where(h => h.HeatToMassWatts > 50)
            .Select(h => h.HeatToMassWatts / (h.HeatToMassWatts + h.HeatToAirWatts)).Order().ToList();
        var massShare = shares.Count > 30 ? Math.Round(shares[(int)(shares.Count * 0.9)], 1) : 0;
        var lag = massShare > 0.3 ? TimeSpan.FromHours(2.5) : TimeSpan.FromMinutes(30);
        // Emitters learnt from measured flow temperatures and hydronic heat, when the history has them; otherwise the
        // planner keeps what it had (its heating-curve assumption scaled with the identified UA).
        var emitter = EmitterIdentifier.Estimate(history, interval, _planner.Options.EmitterMeanDrop);
        _planner = new DpPlanner(_planner.Options with
        {
            HydronicMassShare = massShare,
            EmitterConductance = emitter ?? _planner.Options.EmitterConductance,
        });
        _estimator = new StateEstimator(fit.Model, fit.FinalAirTemperature, fit.FinalMassTemperature, lag, massShare);
        _lastTime = historyEnd;
        _solution = null;
        Identification = fit;
        return fit;
    }

    /// <summary>Decides the settings for the slot starting at <paramref name="observation"/>'s time.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Identify"/>.</exception>
    public ControllerDecision Decide(ControllerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (Identification is null || _estimator is null)
        {
            throw new InvalidOperationException("Identify must be called before Decide.");
        }

        var watch = Stopwatch.StartNew();
        Remember(observation.Prices, observation.Now);
        var solar = Interpolate(observation.Forecast, observation.Now, observation.OutdoorTemperature).SolarIrradiance;
        Track(_estimator, Sources, observation.Sources, observation.Now - _lastTime, observation.OutdoorTemperature, solar,
            observation.RoomTemperature, observation.RoomTemperatureAge);
        _lastTime = observation.Now;
        var slots = BuildSlots(observation);
        if (SafetyFallback.ShouldEngage(observation.RoomTemperature, observation.RoomTemperatureAge))
        {
            _solution = null;
            return SafeMode(observation, slots[0], "room sensor silent", watch);
        }

        try
        {
            var published = observation.Prices.Count > 0 ? observation.Prices[^1].Start : default;
            var slot = _solution is null ? 0 : (int)((observation.Now - _solvedAt) / Slot);
            if (_solution is null || observation.Now - _solvedAt >= _replanInterval || published != _solvedPublished
                || slot >= _solution.SlotCount - 1 || Math.Abs(_estimator.Mass - _solvedMass) > 1.5)
            {
                var request = new PlanRequest(Identification.Model, slots, Slot, Sources, observation.GasPrice, observation.HashpriceEurPerThDay);
                _solution = _planner.Solve(request, _estimator.Mass);
                (_solvedAt, _solvedPublished, _solvedMass, slot) = (observation.Now, published, _estimator.Mass, 0);
            }

            var plan = _planner.Choose(_solution, slot, _estimator.Air, _estimator.Mass, observation.Sources);
            watch.Stop();
            var note = string.Create(CultureInfo.InvariantCulture,
                $"air {_estimator.Air:F2} mass {_estimator.Mass:F2} → {plan.PredictedAirTemperature:F2}; {watch.Elapsed.TotalMilliseconds:F0} ms");
            return new ControllerDecision(HonourDwell(plan.Settings, observation.Sources, Sources), slots[0],
                HeatCosts(slots[0], observation), plan, null, note, watch.Elapsed);
        }
        catch (InvalidOperationException e)
        {
            _solution = null;
            return SafeMode(observation, slots[0], "plan failed: " + e.Message, watch);
        }
    }

    /// <summary>
    /// The rest of the present plan from the slot containing <paramref name="now"/>: what the controller expects to run
    /// in each slot up to the plan's horizon, followed on its own model from the estimated state. Empty before the
    /// first plan and in the safe mode.
    /// </summary>
    public IReadOnlyList<PlannedSlot> Outlook(DateTimeOffset now, IReadOnlyList<SourceStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        if (_solution is not { } solution || _estimator is null)
        {
            return [];
        }

        var first = Math.Max(0, (int)((now - _solvedAt) / Slot));
        var steps = _planner.Rollout(solution, _estimator.Air, _estimator.Mass, statuses, solution.SlotCount - first, first);
        var slots = solution.Request.Slots;
        return [.. steps.Select((step, i) => new PlannedSlot(
            _solvedAt + (Slot * (first + i)), slots[first + i].ElectricityPrice, step.Settings, step.PredictedAirTemperature))];
    }

    /// <summary>What a kWh of heat costs from each source at its top level in <paramref name="slot"/>, €.</summary>
    public IReadOnlyList<SourceHeatCost> HeatCosts(PlanSlot slot, double gasPrice, double hashprice)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var model = Identification?.Model;
        var catalog = new MixCatalog(Sources, _planner.Options);
        var design = (model?.HeatLossCoefficient ?? 200) * (_planner.Options.CurveSetpoint - _planner.Options.DesignOutdoorTemperature);
        var costs = new List<SourceHeatCost>(Sources.Count);
        for (var i = 0; i < Sources.Count; i++)
        {
            var levels = new double[Sources.Count];
            levels[i] = Sources[i].MaximumWatts;
            var mix = catalog.Evaluate(levels, slot, gasPrice, hashprice, design, 1);
            costs.Add(new SourceHeatCost(Sources[i].Id, mix.HeatWatts > 0 ? mix.CostEur / (mix.HeatWatts / 1000) : double.NaN));
        }

        return costs;
    }

    /// <summary>
    /// Runs <paramref name="estimator"/> over <paramref name="elapsed"/> on the heat the running sources
    /// delivered (hydronic heat through its lag) and corrects it with a fresh room report.
    /// </summary>
    public static void Track(StateEstimator estimator, IReadOnlyList<PlannerSource> sources, IReadOnlyList<SourceStatus> statuses,
        TimeSpan elapsed, double outdoorTemperature, double solar, double? roomTemperature, TimeSpan roomTemperatureAge, double extraGains = 0)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(statuses);
        double direct = 0, hydronic = 0;
        foreach (var status in statuses)
        {
            var source = sources.FirstOrDefault(s => s.Id == status.Id);
            if (source is null || !status.Running)
            {
                continue;
            }

            if (source.Hydronic)
            {
                hydronic += status.Level;
            }
            else
            {
                direct += status.Level;
            }
        }

        if (elapsed > TimeSpan.Zero && elapsed < TimeSpan.FromDays(1))
        {
            estimator.Advance(elapsed, direct, hydronic, outdoorTemperature, solar, extraGains);
        }

        if (roomTemperature is { } room && roomTemperatureAge <= SafetyFallback.SensorTimeout)
        {
            estimator.Correct(room);
        }
    }

    /// <summary>
    /// The settings with every switch a minimum on/off time forbids undone: a source inside its
    /// minimum on time keeps its level, one inside its minimum off time stays off, and one inside its restart hold
    /// (<see cref="PlannerSource.LevelHold"/>) keeps its level.
    /// </summary>
    public static IReadOnlyList<SourceSetting> HonourDwell(IReadOnlyList<SourceSetting> settings, IReadOnlyList<SourceStatus> statuses, IReadOnlyList<PlannerSource> sources)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(sources);
        var honoured = new List<SourceSetting>(settings.Count);
        foreach (var setting in settings)
        {
            var source = sources.First(s => s.Id == setting.Id);
            var status = statuses.FirstOrDefault(s => s.Id == setting.Id);
            var level = setting.Watts;
            if (status is not null)
            {
                if (status.LevelHeldBy(source) || (status.Running && level <= 0 && status.SinceLastSwitch < source.MinimumOnTime))
                {
                    level = status.Level;
                }
                else if (!status.Running && level > 0 && status.SinceLastSwitch < source.MinimumOffTime)
                {
                    level = 0;
                }
            }

            honoured.Add(level == setting.Watts ? setting : setting with { Watts = level, FlowTemperature = level > 0 ? setting.FlowTemperature : null });
        }

        return honoured;
    }

    /// <summary>The forecast at <paramref name="at"/>, linear between points; <paramref name="outdoorNow"/> and no sun when there is none.</summary>
    public static WeatherPoint Interpolate(IReadOnlyList<WeatherPoint> points, DateTimeOffset at, double outdoorNow = 5)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return new WeatherPoint(at, outdoorNow, 0);
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
                return new WeatherPoint(at, a.OutdoorTemperature + (w * (b.OutdoorTemperature - a.OutdoorTemperature)),
                    a.SolarIrradiance + (w * (b.SolarIrradiance - a.SolarIrradiance)));
            }
        }

        return points[^1];
    }

    private ControllerDecision SafeMode(ControllerObservation observation, PlanSlot slot, string reason, Stopwatch watch)
    {
        var target = Math.Max(slot.LowerBound, 16) + 0.5;
        var settings = SafetyFallback.Settings(Sources, Identification!.Model.HeatLossCoefficient, target, observation.OutdoorTemperature, slot,
            observation.GasPrice, observation.HashpriceEurPerThDay, _planner.Options);
        watch.Stop();
        return new ControllerDecision(HonourDwell(settings, observation.Sources, Sources), slot, HeatCosts(slot, observation), null, reason,
            "safety: " + reason, watch.Elapsed);
    }

    private IReadOnlyList<SourceHeatCost> HeatCosts(PlanSlot slot, ControllerObservation observation) =>
        HeatCosts(slot, observation.GasPrice, observation.HashpriceEurPerThDay);

    private void Remember(IReadOnlyList<PriceInterval> prices, DateTimeOffset now)
    {
        foreach (var price in prices)
        {
            _priceHistory[price.Start] = price;
        }

        // Only the last week is ever looked up; a controller that runs for months must not grow.
        if (_priceHistory.Count > 2 * 96 * PriceMemory.TotalDays)
        {
            foreach (var old in _priceHistory.Keys.Where(k => k < now - PriceMemory).ToList())
            {
                _priceHistory.Remove(old);
            }
        }
    }

    private List<PlanSlot> BuildSlots(ControllerObservation observation)
    {
        var slots = new List<PlanSlot>(_horizonSlots);
        var knownMean = observation.Prices.Count > 0 ? observation.Prices.Average(p => p.EurPerKwh) : 0.3;
        for (var k = 0; k < _horizonSlots; k++)
        {
            var start = observation.Now + (Slot * k);
            var weather = Interpolate(observation.Forecast, start + (Slot / 2), observation.OutdoorTemperature);
            var comfort = ComfortAt(observation.Comfort, start);
            slots.Add(new PlanSlot(start, weather.OutdoorTemperature, weather.SolarIrradiance, PriceAt(observation.Prices, start, knownMean),
                comfort.Lower, comfort.Upper));
        }

        return slots;
    }

    // Beyond the published horizon the best guess for a quarter-hour's price is the same quarter-hour
    // a day (or two) earlier: day-ahead prices repeat their daily shape far better than any mean.
    private double PriceAt(IReadOnlyList<PriceInterval> prices, DateTimeOffset start, double fallback)
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

    private static ComfortInterval ComfortAt(IReadOnlyList<ComfortInterval> comfort, DateTimeOffset start)
    {
        ComfortInterval? best = null;
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

        return best ?? (comfort.Count > 0 ? comfort[0] : new ComfortInterval(start, 20, 24));
    }
}
