using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

public sealed class EmitterIdentifierTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(250)]
    public void Recovers_a_known_emitter_conductance_from_measured_flows_and_heat(double conductance)
    {
        var samples = Week(conductance, seed: 7);

        var estimate = EmitterIdentifier.Estimate(samples, Minute);

        Assert.NotNull(estimate);
        Assert.InRange(estimate.Value / conductance, 0.97, 1.03);
    }

    [Fact]
    public void Ignores_the_loop_warming_up_and_samples_with_the_water_barely_above_the_room()
    {
        var clean = Week(100, seed: 3);
        var noisy = new List<IdentificationSample>();
        foreach (var s in clean)
        {
            noisy.Add(s);
        }

        // Every run starts with the loop warming up: the meter sees full heat while the flow is still rising, which alone
        // would suggest emitters several times larger. And a long spell of lukewarm water, barely above the room.
        var random = new Random(5);
        for (var run = 0; run < 40; run++)
        {
            for (var m = 0; m < 8; m++)
            {
                noisy.Add(new IdentificationSample(20.5, 0, 0, 8000, 0, 8000, 21 + (2 * m)));
            }

            noisy.Add(new IdentificationSample(20.5, 0, 0, 0, 0));
        }

        for (var m = 0; m < 600; m++)
        {
            noisy.Add(new IdentificationSample(21.0, 10, 0, 1500, 0, 1500, 25 + (0.1 * random.NextDouble())));
        }

        var estimate = EmitterIdentifier.Estimate(noisy, Minute);

        Assert.NotNull(estimate);
        Assert.InRange(estimate.Value / 100, 0.97, 1.03);
    }

    [Fact]
    public void Returns_null_without_enough_usable_samples()
    {
        Assert.Null(EmitterIdentifier.Estimate([], Minute));

        // A history without flow temperatures (an installation that does not report them).
        var blind = Week(100, seed: 1).Select(s => s with { FlowTemperature = null }).ToList();
        Assert.Null(EmitterIdentifier.Estimate(blind, Minute));

        // Flows without the heat the sources made, or without a room reading.
        var noHeat = Week(100, seed: 1).Select(s => s with { HydronicHeatWatts = null }).ToList();
        Assert.Null(EmitterIdentifier.Estimate(noHeat, Minute));
        var noRoom = Week(100, seed: 1).Select(s => s with { RoomTemperature = null }).ToList();
        Assert.Null(EmitterIdentifier.Estimate(noRoom, Minute));

        // Half an hour of steady heating is less than the hour it asks for.
        var shortRun = Enumerable.Range(0, 40)
            .Select(_ => new IdentificationSample(21, 0, 0, 4000, 0, 4000, 21 + 2.5 + Math.Pow(40, 1 / 1.3))).ToList();
        Assert.Null(EmitterIdentifier.Estimate(shortRun, Minute));
        Assert.NotNull(EmitterIdentifier.Estimate([.. shortRun, .. shortRun, .. shortRun], Minute));
    }

    [Fact]
    public void Identify_with_measured_flows_sets_the_planners_emitter_conductance()
    {
        var history = ModelIdentifierTests.Synthetic(PlanFixtures.House, days: 3, seed: 5);
        var withFlows = history.Select(s => s.HeatToAirWatts > 0 && s.RoomTemperature is { } room
            ? s with { HydronicHeatWatts = s.HeatToAirWatts, FlowTemperature = room + 2.5 + Math.Pow(s.HeatToAirWatts / 150, 1 / 1.3) }
            : s).ToList();
        IReadOnlyList<PlannerSource> sources = [PlanFixtures.Miner, PlanFixtures.HeatPump];

        var learnt = new PredictiveController(sources);
        learnt.Identify(withFlows, Minute, PlanFixtures.Start);
        var assumed = new PredictiveController(sources);
        assumed.Identify(history, Minute, PlanFixtures.Start);

        Assert.NotNull(learnt.Options.EmitterConductance);
        Assert.InRange(learnt.Options.EmitterConductance!.Value, 147, 153);
        Assert.Null(assumed.Options.EmitterConductance);
        Assert.Equal(assumed.Options.HydronicMassShare, learnt.Options.HydronicMassShare);
    }

    /// <summary>
    /// A week of an 8 kW heat pump on a heating curve cycling under a thermostat, limited by emitters of
    /// <paramref name="conductance"/>: the heat meter and the flow sensor (0.1 K) report each minute, the room sensor is
    /// quantised to 0.1 K with noise; when the pump is off there is no flow.
    /// </summary>
    private static List<IdentificationSample> Week(double conductance, int seed)
    {
        var random = new Random(seed);
        var samples = new List<IdentificationSample>();
        var room = 20.8;
        var on = false;
        for (var minute = 0; minute < 7 * 1440; minute++)
        {
            var hours = minute / 60.0;
            var outdoor = 2 + (5 * Math.Sin(2 * Math.PI * (hours - 9) / 24));
            var reading = Math.Round((room + (0.05 * Gaussian(random))) * 10) / 10;
            on = reading <= 20.7 || (on && reading < 21.3);
            if (!on)
            {
                samples.Add(new IdentificationSample(reading, outdoor, 0, 0, 0));
                room -= 0.01;
                continue;
            }

            // The curve's flow, unless the pump cannot make that much heat: then the water settles where the emitters pass
            // what it makes.
            var flow = Math.Clamp(21.3 + (21.3 - outdoor), 25, 55);
            var heat = conductance * Math.Pow(Math.Max(0, flow - 2.5 - room), 1.3);
            if (heat > 8000)
            {
                (heat, flow) = (8000, room + 2.5 + Math.Pow(8000 / conductance, 1 / 1.3));
            }

            samples.Add(new IdentificationSample(reading, outdoor, 0, heat, 0, heat, Math.Round(flow * 10) / 10));
            room += 0.004;
        }

        return samples;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
