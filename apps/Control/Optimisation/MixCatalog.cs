namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// Enumerates the combinations of source levels the planner considers (every level of stepped
/// sources, <see cref="PlannerOptions.ModulationSteps"/> levels of modulating ones) and prices a
/// combination for a slot.
/// </summary>
public sealed class MixCatalog
{
    private readonly PlannerOptions _options;

    /// <summary>Builds the catalogue for <paramref name="sources"/>.</summary>
    /// <param name="sources">The sources.</param>
    /// <param name="options">Planner options.</param>
    /// <param name="maximumHydronicWatts">
    /// What the emitters can take at the highest flow; mixes whose hydronic sources together exceed
    /// it are left out, since the shared water loop could not deliver them.
    /// </param>
    public MixCatalog(IReadOnlyList<PlannerSource> sources, PlannerOptions options, double maximumHydronicWatts = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Sources = sources;
        var levels = new List<IReadOnlyList<double>>();
        foreach (var source in sources)
        {
            if (source.Levels.Count == 0 || source.Levels[0] != 0)
            {
                throw new ArgumentException($"Source {source.Id}: levels must start with 0.", nameof(sources));
            }

            levels.Add(PlanningLevels(source, options.ModulationSteps, options.HeatBucketWatts));
        }

        Levels = levels;
        var combos = new List<double[]> { new double[sources.Count] };
        for (var s = 0; s < sources.Count; s++)
        {
            var grown = new List<double[]>();
            foreach (var combo in combos)
            {
                foreach (var level in levels[s])
                {
                    var copy = (double[])combo.Clone();
                    copy[s] = level;
                    grown.Add(copy);
                }
            }

            combos = grown;
        }

        Combinations = combos.Where(c => HydronicSum(c) <= maximumHydronicWatts + 1e-6 || HydronicSum(c) == 0).ToList();
    }

    /// <summary>The sources, in the order every level array uses.</summary>
    public IReadOnlyList<PlannerSource> Sources { get; }

    /// <summary>Per source, the levels that are planned.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Levels { get; }

    /// <summary>Every combination of planned levels.</summary>
    public IReadOnlyList<double[]> Combinations { get; }

    /// <summary>Prices <paramref name="levels"/> over a slot of <paramref name="hours"/>.</summary>
    /// <param name="levels">Level per source, W.</param>
    /// <param name="slot">The slot's conditions.</param>
    /// <param name="gasPrice">€/kWh.</param>
    /// <param name="hashprice">€ per TH/s per day.</param>
    /// <param name="designLoadWatts">The house's load at the design outdoor temperature (sizes hydronic flow temperatures), W.</param>
    /// <param name="hours">Slot length, h.</param>
    public HeatMix Evaluate(IReadOnlyList<double> levels, PlanSlot slot, double gasPrice, double hashprice, double designLoadWatts, double hours)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(slot);
        double air = 0, mass = 0, electric = 0, gas = 0, revenue = 0;
        var flows = new double?[Sources.Count];

        // One water loop: every hydronic source runs at the flow the whole hydronic load needs.
        var hydronic = HydronicSum(levels);
        var sharedFlow = hydronic > 0 ? FlowFor(hydronic, designLoadWatts) : 0;
        for (var s = 0; s < Sources.Count; s++)
        {
            var source = Sources[s];
            var level = levels[s];
            if (level <= 0)
            {
                continue;
            }

            var toMass = source.Hydronic ? _options.HydronicMassShare : 0;
            air += level * (1 - toMass);
            mass += level * toMass;
            if (source.Hydronic)
            {
                flows[s] = sharedFlow;
            }

            switch (source.Kind)
            {
                case HeatSourceKind.Miner:
                    electric += level;
                    revenue += SourceEconomics.MinerRevenuePerHour(
                        level, source.JoulesPerTerahash ?? double.PositiveInfinity, source.PoolFee ?? 0, hashprice) * hours;
                    break;
                case HeatSourceKind.Resistive:
                    electric += level;
                    break;
                case HeatSourceKind.HeatPump:
                    var flow = flows[s] ?? _options.Curve.Flow(_options.CurveSetpoint, slot.OutdoorTemperature);
                    electric += level / SourceEconomics.HeatPumpCop(flow, slot.OutdoorTemperature, _options);
                    break;
                case HeatSourceKind.GasBoiler:
                    gas += level / _options.BoilerEfficiency;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(levels), source.Kind, "Unknown source kind.");
            }
        }

        var cost = (electric * slot.ElectricityPrice / 1000 * hours) + (gas * gasPrice / 1000 * hours) - revenue;
        return new HeatMix(levels.ToArray(), air, mass, cost, electric, gas, flows);
    }

    private double HydronicSum(IReadOnlyList<double> levels)
    {
        var sum = 0.0;
        for (var s = 0; s < Sources.Count; s++)
        {
            if (Sources[s].Hydronic && levels[s] > 0)
            {
                sum += levels[s];
            }
        }

        return sum;
    }

    private double FlowFor(double watts, double designLoadWatts)
    {
        if (_options.EmitterConductance is { } conductance && conductance > 0)
        {
            // A kelvin of headroom above the setpoint: the room may be warmer than it while preheating.
            var flow = _options.CurveSetpoint + 1 + _options.EmitterMeanDrop + Math.Pow(watts / conductance, 1 / 1.3);
            return Math.Clamp(flow, _options.Curve.MinimumFlow, _options.Curve.MaximumFlow);
        }

        return _options.Curve.FlowForPower(_options.CurveSetpoint, watts, designLoadWatts);
    }

    private static double[] PlanningLevels(PlannerSource source, int steps, double spacing)
    {
        if (!source.Modulating || source.Levels.Count < 2)
        {
            return [.. source.Levels];
        }

        var min = source.Levels[1];
        var max = source.Levels[^1];

        // Steps about one heat bucket apart, so the DP's buckets can be met by one source alone
        // rather than by topping up with a dearer one.
        var count = Math.Clamp((int)Math.Ceiling((max - min) / Math.Max(spacing, 1)) + 1, 2, Math.Max(2, steps));
        var levels = new double[count + 1];
        for (var i = 0; i < count; i++)
        {
            levels[i + 1] = min + ((max - min) * i / (count - 1));
        }

        return levels;
    }
}
