namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// The heating planner: a backward dynamic programme over (slot × air temperature × mass
/// temperature) with the source mix as the action. Per slot, every combination of source levels
/// is priced (electricity + gas − mining revenue) and grouped by total heat; the cheapest mix of
/// each heat bucket is an action. Stage cost = energy cost + discomfort penalty on the end-of-slot
/// air temperature; terminal value = the stored heat priced at the horizon's typical heat cost.
/// The resulting cost-to-go is then used as a feedback policy by <see cref="Choose"/>, which also
/// applies minimum on/off times and switching penalties for the slot actually executed.
/// </summary>
public sealed class DpPlanner
{
    private const double JoulesPerKwh = 3.6e6;

    /// <summary>Creates the planner.</summary>
    public DpPlanner(PlannerOptions? options = null) => Options = options ?? new PlannerOptions();

    /// <summary>The tuning in use.</summary>
    public PlannerOptions Options { get; }

    /// <summary>Solves <paramref name="request"/> with the mass grid centred on <paramref name="massCentre"/>.</summary>
    /// <remarks>The grid reaches further down than up: in a 15 °C daytime setback the structure cools by several kelvin.</remarks>
    public PlanSolution Solve(PlanRequest request, double massCentre) =>
        Solve(request, massCentre - (1.5 * Options.MassGridHalfRange), massCentre + Options.MassGridHalfRange);

    /// <summary>Solves <paramref name="request"/> with the mass grid spanning [<paramref name="massMin"/>, <paramref name="massMax"/>].</summary>
    public PlanSolution Solve(PlanRequest request, double massMin, double massMax)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Slots.Count == 0)
        {
            throw new ArgumentException("A plan needs at least one slot.", nameof(request));
        }

        var o = Options;
        var n = request.Slots.Count;
        var hours = request.SlotLength.TotalHours;
        var catalog = new MixCatalog(request.Sources, o, MaximumHydronicWatts(request.Model, o));
        var grid = new StateGrid(o.AirGridMinimum, o.AirGridMaximum, o.AirGridStep, massMin, massMax, o.MassGridStep);
        var shared = new DiscreteThermalModel(request.Model, request.SlotLength);
        var models = new DiscreteThermalModel[n];
        var design = new double[n];
        var ua = request.Model.HeatLossCoefficient;
        var bucketCosts = new List<double>();
        var actions = new (double[] Air, double[] Mass, double[] Cost)[n];
        for (var k = 0; k < n; k++)
        {
            var slot = request.Slots[k];
            models[k] = slot.ExtraAirToOutdoor > 0 ? new DiscreteThermalModel(request.Model, request.SlotLength, slot.ExtraAirToOutdoor) : shared;
            var gains = Gains(request.Model, slot);
            design[k] = ua * (o.CurveSetpoint - o.DesignOutdoorTemperature);
            actions[k] = Actions(catalog, request, slot, design[k], hours, models[k], gains, bucketCosts);
        }

        var values = new float[n + 1][];
        values[n] = Terminal(grid, request.Model, bucketCosts);
        for (var k = n - 1; k >= 0; k--)
        {
            var (lower, upper) = EndBounds(request.Slots, k);
            values[k] = BackwardPass.Run(grid, models[k], actions[k], values[k + 1], lower, upper, hours, o);
        }

        return new PlanSolution(request, catalog, grid, models, design, values);
    }

    /// <summary>
    /// The best settings for <paramref name="slot"/> from state (air, mass), honouring minimum
    /// on/off times of <paramref name="statuses"/> (a source inside its minimum on time stays on,
    /// inside its minimum off time stays off) and charging the switching penalties.
    /// </summary>
    public PlanDecision Choose(PlanSolution solution, int slot, double air, double mass, IReadOnlyList<SourceStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, solution.SlotCount);
        var request = solution.Request;
        var catalog = solution.Catalog;
        var sources = catalog.Sources;
        var current = new double[sources.Count];
        var lockedOn = new bool[sources.Count];
        var lockedOff = new bool[sources.Count];
        var heldLevel = new bool[sources.Count];
        for (var s = 0; s < sources.Count; s++)
        {
            var status = statuses.FirstOrDefault(x => x.Id == sources[s].Id);
            if (status is null)
            {
                continue;
            }

            current[s] = status.Level;
            lockedOn[s] = status.Running && status.SinceLastSwitch < sources[s].MinimumOnTime;
            lockedOff[s] = !status.Running && status.SinceLastSwitch < sources[s].MinimumOffTime;
            heldLevel[s] = status.LevelHeldBy(sources[s]);
        }

        var hours = request.SlotLength.TotalHours;
        var planSlot = request.Slots[slot];
        var model = solution.Models[slot];
        var gains = Gains(request.Model, planSlot);
        var (lower, upper) = EndBounds(request.Slots, slot);
        PlanDecision? best = null;
        var bestValue = double.PositiveInfinity;
        foreach (var levels in catalog.Combinations.Append(current))
        {
            if (!Allowed(levels, current, lockedOn, lockedOff, heldLevel))
            {
                continue;
            }

            var mix = catalog.Evaluate(levels, planSlot, request.GasPrice, planSlot.HashpriceEurPerThDay ?? request.HashpriceEurPerThDay, solution.DesignLoads[slot], hours);
            var (nextAir, nextMass) = model.Next(air, mass, mix.AirWatts + gains, mix.MassWatts, planSlot.OutdoorTemperature);
            var value = mix.CostEur + Discomfort(nextAir, lower, upper, hours) + SwitchingPenalty(current, levels)
                + solution.ValueAt(slot + 1, nextAir, nextMass);
            if (value < bestValue - 1e-9)
            {
                bestValue = value;
                var settings = sources.Select((s, i) => new SourceSetting(s.Id, levels[i], mix.FlowTemperatures[i])).ToArray();
                best = new PlanDecision(settings, nextAir, nextMass, mix.CostEur, value);
            }
        }

        return best ?? throw new InvalidOperationException("No source combination satisfies the minimum on/off times.");
    }

    /// <summary>
    /// Follows the policy from (air, mass) for <paramref name="slots"/> slots on the plan's own model:
    /// what the controller expects to happen, from slot <paramref name="first"/> on. Used by the controller's outlook,
    /// tests and traces.
    /// </summary>
    public IReadOnlyList<PlanDecision> Rollout(PlanSolution solution, double air, double mass, IReadOnlyList<SourceStatus> statuses, int slots, int first = 0)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(statuses);
        var state = statuses.ToList();
        var result = new List<PlanDecision>();
        for (var k = Math.Max(0, first); k < Math.Min(first + slots, solution.SlotCount); k++)
        {
            var decision = Choose(solution, k, air, mass, state);
            result.Add(decision);
            (air, mass) = (decision.PredictedAirTemperature, decision.PredictedMassTemperature);
            state = state.Select(s =>
            {
                var level = decision.Settings.First(x => x.Id == s.Id).Watts;
                var switched = (level > 0) != s.Running;
                var changed = Math.Abs(level - s.Level) > 1;
                return new SourceStatus(s.Id, level, (switched ? TimeSpan.Zero : s.SinceLastSwitch) + solution.Request.SlotLength,
                    (changed ? TimeSpan.Zero : s.SinceLevelChange) + solution.Request.SlotLength);
            }).ToList();
        }

        return result;
    }

    /// <summary>
    /// What the emitters take at the highest flow: from the emitter conductance when known, else
    /// from the heating curve (which delivers the design load at the design outdoor temperature)
    /// times <see cref="PlannerOptions.EmitterOversizing"/>.
    /// </summary>
    public static double MaximumHydronicWatts(ThermalModel model, PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var top = options.Curve.MaximumFlow;
        var room = options.CurveSetpoint;
        if (options.EmitterConductance is { } conductance && conductance > 0)
        {
            return conductance * Math.Pow(Math.Max(0, top - options.EmitterMeanDrop - room), 1.3);
        }

        var design = model.HeatLossCoefficient * (room - options.DesignOutdoorTemperature);
        var designExcess = Math.Max(options.Curve.Flow(room, options.DesignOutdoorTemperature) - room, 5);
        return options.EmitterOversizing * design * Math.Pow((top - room) / designExcess, 1.3);
    }

    private static double Gains(ThermalModel model, PlanSlot slot) =>
        model.InternalGainsWatts + slot.ExtraGainsWatts + (model.SolarAperture * slot.SolarIrradiance);

    // A held source keeps its level: on restart firmware every move stops hashing while the miner re-tunes, and a
    // stop is followed by a start, which is a restart too.
    private static bool Allowed(double[] levels, double[] current, bool[] lockedOn, bool[] lockedOff, bool[] heldLevel)
    {
        for (var s = 0; s < levels.Length; s++)
        {
            if ((lockedOn[s] && levels[s] <= 0) || (lockedOff[s] && levels[s] > 0)
                || (heldLevel[s] && Math.Abs(levels[s] - current[s]) > 1))
            {
                return false;
            }
        }

        return true;
    }

    private double SwitchingPenalty(double[] current, double[] levels)
    {
        var penalty = 0.0;
        for (var s = 0; s < levels.Length; s++)
        {
            if ((current[s] > 0) != (levels[s] > 0))
            {
                penalty += Options.SwitchPenaltyEur;
            }
            else if (Math.Abs(current[s] - levels[s]) > 1)
            {
                penalty += Options.LevelChangePenaltyEur;
            }
        }

        return penalty;
    }

    // The end-of-slot temperature must satisfy this slot's band and the next one's (a bound that
    // rises at 20:00 must already be met when the 19:45 slot ends).
    private static (double Lower, double Upper) EndBounds(IReadOnlyList<PlanSlot> slots, int k)
    {
        var next = slots[Math.Min(k + 1, slots.Count - 1)];
        return (Math.Max(slots[k].LowerBound, next.LowerBound), Math.Min(slots[k].UpperBound, next.UpperBound));
    }

    private double Discomfort(double air, double lower, double upper, double hours)
    {
        var below = lower - air;
        var penalty = 0.0;
        if (below > 0)
        {
            penalty += below * Options.DiscomfortEurPerKelvinHour;
        }

        var intoMargin = below + Options.ComfortMargin;
        if (intoMargin > 0)
        {
            penalty += Math.Min(intoMargin, Options.ComfortMargin) * Options.MarginEurPerKelvinHour;
        }

        var above = air - upper;
        if (above > 0)
        {
            penalty += above * Options.DiscomfortEurPerKelvinHour;
        }

        return penalty * hours;
    }

    private (double[] Air, double[] Mass, double[] Cost) Actions(
        MixCatalog catalog, PlanRequest request, PlanSlot slot, double designLoad, double hours,
        DiscreteThermalModel model, double gains, List<double> bucketCosts)
    {
        var cheapest = new Dictionary<int, HeatMix>();
        foreach (var levels in catalog.Combinations)
        {
            var mix = catalog.Evaluate(levels, slot, request.GasPrice, slot.HashpriceEurPerThDay ?? request.HashpriceEurPerThDay, designLoad, hours);
            if (mix.HeatWatts > Options.MaximumPlannedHeatWatts && mix.HeatWatts > 0)
            {
                continue;
            }

            var bucket = (int)Math.Round(mix.HeatWatts / Options.HeatBucketWatts);
            if (!cheapest.TryGetValue(bucket, out var held) || mix.CostEur < held.CostEur)
            {
                cheapest[bucket] = mix;
            }
        }

        var heatCosts = cheapest.Values.Where(m => m.HeatWatts > 0).Select(m => m.CostEur / (m.HeatWatts / 1000 * hours)).ToList();
        if (heatCosts.Count > 0)
        {
            bucketCosts.Add(heatCosts.Min());
        }

        var mixes = cheapest.Values.ToArray();
        var air = new double[mixes.Length];
        var mass = new double[mixes.Length];
        var cost = new double[mixes.Length];
        for (var a = 0; a < mixes.Length; a++)
        {
            (air[a], mass[a]) = model.Forcing(mixes[a].AirWatts + gains, mixes[a].MassWatts, slot.OutdoorTemperature);
            cost[a] = mixes[a].CostEur;
        }

        return (air, mass, cost);
    }

    // Heat left in the house at the horizon's end is worth what it would cost to supply later, so
    // the plan neither dumps heat nor drains the building just before its end.
    private static float[] Terminal(StateGrid grid, ThermalModel model, List<double> bucketCosts)
    {
        var sorted = bucketCosts.Order().ToList();
        var heatValue = sorted.Count == 0 ? 0 : Math.Max(0, sorted[sorted.Count / 2]);
        var values = new float[grid.Size];
        for (var i = 0; i < grid.AirCount; i++)
        {
            for (var j = 0; j < grid.MassCount; j++)
            {
                var stored = ((model.AirCapacity * (grid.Air(i) - 20)) + (model.MassCapacity * (grid.Mass(j) - 20))) / JoulesPerKwh;
                values[(i * grid.MassCount) + j] = (float)(-heatValue * stored);
            }
        }

        return values;
    }
}
