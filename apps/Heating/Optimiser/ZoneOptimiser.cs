using System.Globalization;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Control.Optimisation;
using PlannerKind = ProofOfHeat.Control.Optimisation.HeatSourceKind;

namespace ProofOfHeat.Apps.Heating.Optimiser;

/// <summary>
/// One zone's optimiser: records its history, identifies its house model once there is enough (and again
/// every <see cref="OptimiserOptions.RefitEvery"/>), and then asks <see cref="PredictiveController"/> for
/// the power of each of the zone's sources. Not thread-safe: the app calls it from its decision round
/// and its sampler under one lock.
/// </summary>
internal sealed class ZoneOptimiser
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan HistorySpan = TimeSpan.FromDays(7);
    private readonly string _zoneId;
    private readonly OptimiserOptions _options;
    private readonly IHeatingHistoryStore? _store;
    private readonly Queue<HeatingHistorySample> _history;
    private readonly PredictiveController _controller;
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);
    private static readonly TimeSpan LongestGap = TimeSpan.FromMinutes(10);
    private DateTimeOffset? _fittedAt;
    private DateTimeOffset? _failedAt;
    private DateTimeOffset _newest;

    /// <summary>Creates the zone's optimiser, starting from the history <paramref name="store"/> kept (none when null).</summary>
    public ZoneOptimiser(string zoneId, IReadOnlyList<HeatSourceOptions> sources, OptimiserOptions options, IHeatingHistoryStore? store)
    {
        _zoneId = zoneId;
        _options = options;
        _store = store;
        _history = new Queue<HeatingHistorySample>(store?.Load(zoneId, HistorySpan) ?? []);
        _newest = _history.Count > 0 ? _history.Max(s => s.At) : default;
        _controller = new PredictiveController([.. sources.Select(ToPlanner)], horizon: options.Horizon);
    }

    /// <summary>Whether the zone's model is identified, so <see cref="Decide"/> can plan.</summary>
    public bool Ready => _controller.Identification is not null;

    /// <summary>The fitted model's output error, K, or null before.</summary>
    public double? FitError => _controller.Identification?.RootMeanSquareError;

    /// <summary>The sources the optimiser plans, in its order.</summary>
    public IReadOnlyList<PlannerSource> Sources => _controller.Sources;

    /// <summary>Records one minute (and keeps it in the store, when there is one).</summary>
    public void Record(HeatingHistorySample sample)
    {
        _history.Enqueue(sample);
        _newest = sample.At;
        while (_history.Count > 0 && sample.At - _history.Peek().At >= HistorySpan)
        {
            _history.Dequeue();
        }

        _store?.Append(_zoneId, sample);
    }

    /// <summary>How much history is recorded.</summary>
    public TimeSpan Recorded => _history.Count == 0 ? TimeSpan.Zero : _newest - _history.Peek().At + SampleInterval;

    /// <summary>Identifies the model when there is enough history and none is fitted or the fit is due; returns whether it fitted now.</summary>
    public bool FitIfDue(DateTimeOffset now)
    {
        if ((_fittedAt is { } last && now - last < _options.RefitEvery) || (_failedAt is { } failed && now - failed < RetryAfterFailure))
        {
            return false;
        }

        if (Recorded < _options.MinimumHistory || Segment(_history.ToList(), _options.MinimumHistory) is not { } segment)
        {
            return false;
        }

        if (segment.Count(s => s.RoomTemperature is not null) < segment.Count / 2)
        {
            return false;
        }

        try
        {
            _controller.Identify(Resample(segment), SampleInterval, segment[^1].At + SampleInterval);
        }
        catch (ArgumentException)
        {
            // Not every minute: a history the identifier cannot use stays unusable for a while.
            _failedAt = now;
            throw;
        }

        _fittedAt = now;
        return true;
    }

    /// <summary>The plan for the slot starting now; <paramref name="weather"/> is the forecast (null: today's outdoor temperature held).</summary>
    public (ControllerDecision Decision, ZonePlan Plan) Decide(
        DateTimeOffset now, double? room, TimeSpan roomAge, double outdoor, double solar, PriceSeries prices, double? hashprice,
        IReadOnlyList<ComfortSlot> band, IReadOnlyDictionary<string, SourceStatus> statuses, IReadOnlyList<WeatherPoint>? weather = null)
    {
        var observation = new ControllerObservation(
            now, room, roomAge, outdoor,
            weather is { Count: > 0 } ? weather : [new WeatherPoint(now, outdoor, solar)],
            [.. prices.Points.Select(p => new PriceInterval(p.Start, p.Length, p.Price))],
            _options.GasPrice,
            hashprice ?? 0,
            [.. band.Select(b => new ComfortInterval(b.Start, b.Lower, b.Upper))],
            [.. _controller.Sources.Select(s => statuses.TryGetValue(s.Id, out var status) ? status : new SourceStatus(s.Id, 0, TimeSpan.FromDays(1)))]);
        var decision = _controller.Decide(observation);
        var outlook = decision.Plan is null ? [] : _controller.Outlook(now, observation.Sources);
        var plan = new ZonePlan(decision.Slot.ElectricityPrice, decision.Slot.LowerBound, decision.Slot.UpperBound, decision.HeatCosts,
            decision.Settings, decision.Plan?.PredictedAirTemperature, decision.SafeModeReason, outlook);
        return (decision, plan);
    }

    /// <summary>A few words for the decision's reason, e.g. <c>plan: hp 2400 W; 0.21 €/kWh; band 20.0–21.0</c>.</summary>
    public static string Describe(ZonePlan plan)
    {
        var running = plan.Settings.Where(s => s.Watts > 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Id} {s.Watts:F0} W")).ToList();
        var what = plan.SafeModeReason is { } reason ? $"safe mode ({reason})" : "plan";
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: {(running.Count == 0 ? "all off" : string.Join(", ", running))}; {plan.ElectricityPrice:F3} €/kWh; band {plan.Lower:F1}-{plan.Upper:F1}");
    }

    /// <summary>The planner's view of a configured source.</summary>
    internal static PlannerSource ToPlanner(HeatSourceOptions source)
    {
        var levels = source.PowerLevels.Distinct().Order().Select(l => (double)l).ToList();
        if (levels.Count == 0 || levels[0] != 0)
        {
            levels.Insert(0, 0);
        }

        if (source.MaxWatts is { } limit)
        {
            levels = [.. levels.Where(l => l <= limit)];
        }

        var kind = source.EffectiveType switch
        {
            HeatSourceType.Miner => PlannerKind.Miner,
            HeatSourceType.HeatPump => PlannerKind.HeatPump,
            HeatSourceType.GasBoiler => PlannerKind.GasBoiler,
            _ => PlannerKind.Resistive,
        };
        return new PlannerSource(source.Id, kind, levels, source.Modulating && levels.Count > 2, source.MinimumOn, source.MinimumOff,
            source.JoulesPerTerahash, source.PoolFee, source.Hydronic, source.LevelHold);
    }

    // The newest stretch of history without a gap longer than 10 min (a restart, a host that slept) that is
    // long enough to identify from; a gap breaks the model's continuity, so stretches are not joined.
    private static List<HeatingHistorySample>? Segment(List<HeatingHistorySample> samples, TimeSpan minimum)
    {
        var end = samples.Count;
        for (var i = samples.Count - 1; i >= 0; i--)
        {
            if (i == 0 || samples[i].At - samples[i - 1].At > LongestGap)
            {
                if (samples[end - 1].At - samples[i].At + SampleInterval >= minimum)
                {
                    return samples.GetRange(i, end - i);
                }

                end = i;
            }
        }

        return null;
    }

    // The recorder samples on a timer that can slip (a busy host, a suspended VM); the identifier wants
    // even steps, so each minute takes the sample that covers it.
    private static List<IdentificationSample> Resample(List<HeatingHistorySample> samples)
    {
        var evenly = new List<IdentificationSample>(samples.Count);
        var i = 0;
        for (var at = samples[0].At; at <= samples[^1].At; at += SampleInterval)
        {
            while (i + 1 < samples.Count && samples[i + 1].At <= at)
            {
                i++;
            }

            var s = samples[i];
            evenly.Add(new IdentificationSample(s.RoomTemperature, s.OutdoorTemperature, s.SolarIrradiance, s.HeatToAirWatts, s.HeatToMassWatts,
                s.HydronicHeatWatts, s.FlowTemperature));
        }

        return evenly;
    }
}
