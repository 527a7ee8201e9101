using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>
/// The perfect-foresight lower bound: the same dynamic programme as <see cref="MpcStrategy"/>, but
/// solved once over the whole test period (plus 36 h) with the true weather, prices, hashprice,
/// internal gains, window openings and the true house parameters. Its cost-to-go is then followed
/// as a feedback policy from the tracked state. It is the "capture ratio" denominator, not a competitor.
/// </summary>
public sealed class OracleStrategy : IHeatingStrategy, IPerfectForesight
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);
    private readonly PlannerOptions _baseOptions;
    private IReadOnlyList<SourceSpec> _specs = [];
    private IReadOnlyList<PlannerSource> _sources = [];
    private IReadOnlyList<HistorySample> _history = [];
    private ScenarioTruth? _truth;
    private DpPlanner? _planner;
    private PlanSolution? _solution;
    private StateEstimator? _estimator;
    private DateTimeOffset _lastTime;

    /// <summary>Creates the controller with the benchmarked defaults (the runner creates it by reflection).</summary>
    public OracleStrategy()
        : this(null)
    {
    }

    /// <summary>Creates the oracle with planner options (<see cref="StockOptions"/> when null).</summary>
    public OracleStrategy(PlannerOptions? options) => _baseOptions = options ?? StockOptions;

    /// <summary>
    /// The planner tuning the ORACLE has always run with: the MPC's objective (margin, switching penalties) on the coarse
    /// grid the MPC used until 2026-12-08. The MPC has since moved to a finer grid without switching penalties; the
    /// ORACLE stays as it was so its published rows remain what it does. The bound to measure capture against is BOUND.
    /// </summary>
    public static PlannerOptions StockOptions { get; } = new()
    {
        SwitchPenaltyEur = 0.01,
        LevelChangePenaltyEur = 0.003,
        ModulationSteps = 12,
        HeatBucketWatts = 600,
        AirGridStep = 0.25,
        MassGridStep = 0.5,
    };

    /// <inheritdoc />
    public string Name => "ORACLE";

    /// <inheritdoc />
    public TimeSpan DecisionInterval => Slot;

    /// <inheritdoc />
    public void Prepare(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _specs = setup.Sources.Sources;
        _sources = MpcStrategy.ToPlannerSources(_specs);
        _history = setup.WarmUpHistory;
    }

    /// <inheritdoc />
    public void SetTruth(ScenarioTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        _truth = truth;
        var house = truth.House;
        var model = new ThermalModel
        {
            AirCapacity = house.AirCapacity,
            MassCapacity = house.MassCapacity,
            AirToMass = house.AirToMass,
            AirToOutdoor = house.AirToOutdoor,
            MassToOutdoor = house.MassToOutdoor,
            SolarAperture = house.SolarApertureSquareMetres,
        };

        // Underfloor emitters (the slow lag) put most of their heat into the slab.
        var massShare = house.HydronicTimeConstant >= TimeSpan.FromHours(1.5) ? 0.7 : 0;
        _planner = new DpPlanner(_baseOptions with { HydronicMassShare = massShare, EmitterConductance = house.EmitterConductance });
        var slots = new List<PlanSlot>();
        var end = truth.Weather.Count > 0 ? truth.Weather[^1].At : truth.End;
        for (var start = truth.Start; start + Slot <= end || slots.Count == 0; start += Slot)
        {
            var weather = MpcStrategy.Interpolate(truth.Weather, start + (Slot / 2));
            var comfort = truth.Comfort.LastOrDefault(c => c.Start <= start) ?? truth.Comfort[0];
            var price = truth.ElectricityPrices.LastOrDefault(p => p.Start <= start)?.EurPerKwh ?? truth.ElectricityPrices[0].EurPerKwh;
            var gains = truth.InternalGains.LastOrDefault(g => g.Start <= start)?.Watts ?? 0;
            var window = truth.Windows.Sum(w => Overlap(w, start) * w.ExtraConductance);
            slots.Add(new PlanSlot(start, weather.OutdoorTemperature, weather.SolarIrradiance, price, comfort.Lower, comfort.Upper, gains, window));
        }

        var request = new PlanRequest(model, slots, Slot, _sources, truth.GasPrice, truth.HashpriceEurPerThDay);
        _solution = _planner.Solve(request, 8, 30);

        // The house's state at the start: the true model run over the warm-up on the measured heat.
        var meanGains = truth.InternalGains.Count > 0 ? truth.InternalGains.Average(g => g.Watts) : 0;
        var first = _history.FirstOrDefault(h => h.RoomTemperature is not null)?.RoomTemperature ?? 20;
        var discrete = new DiscreteThermalModel(model, TimeSpan.FromMinutes(1));
        var (air, mass) = (first, first);
        foreach (var h in _history)
        {
            (air, mass) = discrete.Next(air, mass, h.HeatToAirWatts + meanGains + (model.SolarAperture * h.SolarIrradiance), h.HeatToMassWatts,
                h.OutdoorTemperature);
        }

        _estimator = new StateEstimator(model, air, mass, house.HydronicTimeConstant, massShare);
        _lastTime = _history.Count > 0 ? _history[^1].At + TimeSpan.FromMinutes(1) : truth.Start;
    }

    /// <inheritdoc />
    public StrategyDecision Decide(StrategyObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (_solution is null || _planner is null || _estimator is null || _truth is null)
        {
            throw new InvalidOperationException("Prepare and SetTruth must be called before Decide.");
        }

        var k = Math.Clamp((int)((observation.Now - _truth.Start) / Slot), 0, _solution.SlotCount - 1);
        var slot = _solution.Request.Slots[k];
        MpcStrategy.Track(_estimator, _sources, observation, _lastTime, slot.SolarIrradiance, slot.ExtraGainsWatts);
        _lastTime = observation.Now;
        var decision = _planner.Choose(_solution, k, _estimator.Air, _estimator.Mass, MpcStrategy.Statuses(observation));
        return new StrategyDecision(MpcStrategy.Commands(decision.Settings, observation, _specs));
    }

    private static double Overlap(WindowEvent window, DateTimeOffset start)
    {
        var from = window.Start > start ? window.Start : start;
        var to = window.Start + window.Length < start + Slot ? window.Start + window.Length : start + Slot;
        return to > from ? (to - from) / Slot : 0;
    }
}
