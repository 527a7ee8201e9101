using System.Diagnostics;
using System.Globalization;
using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Sim.Devices;
using ProofOfHeat.Sim.Heating;
using ProofOfHeat.Sim.Heating.Sources;
using ProofOfHeat.Sim.Randomness;

namespace ProofOfHeat.Bench.Heating.Runner;

/// <summary>
/// Runs one strategy on one scenario: 60 s plant steps; the warm-up under HYST records the
/// history the strategy gets in <see cref="IHeatingStrategy.Prepare"/>; the test period is scored.
/// </summary>
public static class BenchRun
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    public static RunKpis Run(Scenario scenario, IHeatingStrategy strategy, Action<string>? trace = null, TextWriter? series = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(strategy);
        var d = scenario.Definition;
        var sources = d.Sources.Select(s => s.Build(d.Reality)).ToList();
        var emitters = d.Emitter == "underfloor" ? PlantOptions.Underfloor : PlantOptions.Radiators;
        // Reality in the plant: what differs from the planner's defaults (bench/Heating/README.md, Plant options).
        var options = emitters with
        {
            EmitterExponent = d.EmitterExponent ?? emitters.EmitterExponent,
            HydronicTimeConstant = d.HydronicLag ?? emitters.HydronicTimeConstant,
        };
        var plant = new HeatingPlant(d.House, sources, options, 20.5, 19.5);
        var roomSensor = new SimulatedTemperatureSensor("room", new TemperatureSensorOptions { Heartbeat = TimeSpan.FromMinutes(10) }, SeededRandom.For(d.Seed, 41));
        var outdoorSensor = new SimulatedTemperatureSensor("outdoor", TemperatureSensorOptions.Outdoor, SeededRandom.For(d.Seed, 42));
        var meters = new HydronicMeters(d.HeatMeterNoise ?? 0, d.FlowSensorNoiseKelvin ?? 0, d.MeterLagMinutes ?? 0, d.Seed);
        var specs = new ScenarioSources([.. d.Sources.Select(s => s.Spec())]);
        var builder = new ObservationBuilder(scenario);
        var history = new List<HistorySample>((int)(d.WarmUp / Step));
        var accumulator = new KpiAccumulator();
        var onSeconds = new double[sources.Count];
        var baseline = new (int Starts, int Stops, int Changes, double Travel, int Dwell)[sources.Count];

        IHeatingStrategy active = new HystStrategy();
        active.Prepare(new StrategySetup(specs, []));
        var nextDecision = d.Start;
        series?.WriteLine("time,room_c,lower_c,upper_c,outdoor_c,price_eur_kwh,flow_c," + string.Join(',', sources.Select(s => s.Id + "_level")));
        var testing = false;
        bool? lastContact = null;
        for (var t = d.Start; t < d.TestEnd; t += Step)
        {
            if (!testing && t >= d.TestStart)
            {
                testing = true;
                strategy.Prepare(new StrategySetup(specs, history));
                if (strategy is IPerfectForesight oracle)
                {
                    oracle.SetTruth(builder.Truth(TrueHouseOf(d, options)));
                }

                active = strategy;
                nextDecision = t;
                for (var i = 0; i < sources.Count; i++)
                {
                    var s = sources[i];
                    baseline[i] = (s.Starts, s.Stops, s.LevelChanges, s.Travel, s.DwellViolationAttempts);
                }
            }

            var outdoorTrue = scenario.Weather.Temperature.At(t);
            var ghi = scenario.Weather.Irradiance.At(t);
            var silent = d.Faults.Any(f => f.IsSilent(t));
            roomSensor.IsSilent = silent;
            roomSensor.Sample(t, plant.House.AirTemperature);
            outdoorSensor.Sample(t, outdoorTrue);
            var outdoorSeen = outdoorSensor.LastReading?.Value ?? outdoorTrue;

            // Window contacts (plant.window_contacts) report an opening or closing at once, as a HA state change does: the
            // strategy is asked again then, between its scheduled decisions.
            bool? contact = d.WindowContacts ? d.Windows.Any(w => w.IsOpen(t)) : null;
            var contactChanged = testing && active is IReadsWindowContacts && contact is not null && contact != lastContact;
            lastContact = contact;
            var scheduled = t >= nextDecision;
            if (scheduled || contactChanged)
            {
                var observation = Observe(t, roomSensor, silent, outdoorSeen, builder, d.GasEurPerKwh, plant) with { WindowOpen = contact };
                var cpuBefore = ThreadCpuClock.Now();
                var watch = Stopwatch.StartNew();
                var decision = active.Decide(observation);
                watch.Stop();
                var cpuAfter = ThreadCpuClock.Now();
                if (testing)
                {
                    accumulator.AddDecision(watch.Elapsed.TotalMilliseconds, cpuAfter - cpuBefore is { } cpu ? cpu.TotalMilliseconds : null);
                }

                foreach (var command in decision.Commands)
                {
                    plant.Source(command.Id).Command(t, command.PowerWatts, command.FlowTemperature);
                }

                if (decision.Note is { } note)
                {
                    trace?.Invoke($"{t:O} {active.Name}: {note}");
                }

                if (scheduled)
                {
                    nextDecision += active.DecisionInterval;
                    if (nextDecision <= t)
                    {
                        nextDecision = t + active.DecisionInterval;
                    }
                }
            }

            var (lower, upper) = d.Comfort.Band(t);
            var windowOpen = d.Windows.Any(w => w.IsOpen(t));
            var airBefore = plant.House.AirTemperature;
            var result = plant.Step(t, Step, new(outdoorTrue, ghi, d.Gains.At(t), windowOpen ? d.Windows.First(w => w.IsOpen(t)).ExtraConductance : 0));
            if (!testing)
            {
                // What the heat pump or boiler reports: the heat it made and the loop's flow temperature, while it heats.
                var hydronic = 0.0;
                for (var i = 0; i < sources.Count; i++)
                {
                    if (sources[i].Hydronic)
                    {
                        hydronic += result.Outputs[i].HeatWatts;
                    }
                }

                var heating = hydronic > 0;
                var (heatRead, flowRead) = meters.Read(heating ? hydronic : null, heating ? result.FlowTemperature : null);
                history.Add(new HistorySample(t, silent ? null : roomSensor.LastReading?.Value, outdoorSeen, ghi, result.SourceHeatToAir,
                    result.SourceHeatToMass, heatRead, flowRead));
                continue;
            }

            var hashprice = builder.HashpriceEur(t);
            double revenue = 0;
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].Running)
                {
                    onSeconds[i] += Step.TotalSeconds;
                }

                if (sources[i] is MinerSource miner)
                {
                    revenue += KpiMath.MiningRevenue(result.Outputs[i].TerahashPerSecond, hashprice, miner.PoolFee, Step.TotalSeconds);
                }
            }

            if (series is not null && t.Minute % 15 == 0)
            {
                series.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{t:yyyy-MM-ddTHH:mm}Z,{plant.House.AirTemperature:0.00},{lower},{upper},{outdoorTrue:0.0},{scenario.PriceAt(t):0.0000},{result.FlowTemperature:0.0},{string.Join(',', sources.Select(s => s.Level.ToString("0", CultureInfo.InvariantCulture)))}"));
            }

            var room = (airBefore + plant.House.AirTemperature) / 2;
            accumulator.Add(t, Step.TotalSeconds, result.ElectricWatts, result.GasWatts, result.SourceHeat / Step.TotalSeconds, revenue,
                scenario.PriceAt(t), d.GasEurPerKwh, room, lower, upper, silent);
        }

        var switching = sources.Select((s, i) => new SourceSwitching(
            s.Id,
            s.Starts - baseline[i].Starts,
            s.Stops - baseline[i].Stops,
            s.LevelChanges - baseline[i].Changes,
            s.Travel - baseline[i].Travel,
            s.DwellViolationAttempts - baseline[i].Dwell,
            onSeconds[i] / 3600)).ToList();
        return accumulator.Finish(d.Name, strategy.Name, switching, strategy.DecisionInterval);
    }

    public static TrueHouse TrueHouseOf(ScenarioDefinition definition, PlantOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        var h = definition.House;
        return new TrueHouse(h.AirCapacity, h.MassCapacity, h.AirToMass, h.AirToOutdoor, h.MassToOutdoor,
            options.SolarAperture, options.HydronicTimeConstant, options.EmitterConductance);
    }

    private static StrategyObservation Observe(DateTimeOffset t, SimulatedTemperatureSensor room, bool silent, double outdoor,
        ObservationBuilder builder, double gasPrice, HeatingPlant plant)
    {
        var last = room.LastReading;
        double? value = silent ? null : last?.Value;
        var age = last is null ? TimeSpan.MaxValue : t - last.At;
        var states = plant.Sources.Select(s => new SourceState(s.Id, s.Running, s.Level, s.SinceLastSwitch(t))).ToList();
        return new StrategyObservation(t, value, age, outdoor, builder.Forecast(t), builder.Prices(t), gasPrice,
            builder.HashpriceEur(t), builder.Comfort(t), states);
    }
}
