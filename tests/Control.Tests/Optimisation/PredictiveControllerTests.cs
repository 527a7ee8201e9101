using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

public sealed class PredictiveControllerTests
{
    private static readonly IReadOnlyList<PlannerSource> Sources = [PlanFixtures.Miner, PlanFixtures.Resistive];

    [Fact]
    public void Deciding_before_the_house_is_identified_is_refused()
    {
        var controller = new PredictiveController(Sources);
        Assert.Throws<InvalidOperationException>(() => controller.Decide(Observation(PlanFixtures.Start, 20)));
    }

    [Fact]
    public void After_identification_it_plans_on_the_sources_levels_and_a_silent_sensor_switches_to_the_safe_mode()
    {
        var controller = new PredictiveController(Sources);
        var history = ModelIdentifierTests.Synthetic(PlanFixtures.House, days: 3, seed: 5);
        controller.Identify(history, TimeSpan.FromMinutes(1), PlanFixtures.Start);

        var planned = controller.Decide(Observation(PlanFixtures.Start, 19.0));
        Assert.NotNull(planned.Plan);
        Assert.Null(planned.SafeModeReason);
        Assert.All(planned.Settings, s => Assert.Contains(s.Watts, Sources.Single(p => p.Id == s.Id).Levels));
        var costs = planned.HeatCosts.ToDictionary(c => c.Id, c => c.EurPerKwhHeat);
        Assert.Equal(0.30, costs["res"], 6);
        Assert.Equal(0.30 - SourceEconomics.MinerRevenuePerKwh(17.5, 0.02, 0.04), costs["miner"], 2);

        var blind = controller.Decide(Observation(PlanFixtures.Start + PredictiveController.Slot, null) with { RoomTemperatureAge = TimeSpan.FromHours(2) });
        Assert.Null(blind.Plan);
        Assert.Equal("room sensor silent", blind.SafeModeReason);
        Assert.True(blind.Settings.Sum(s => s.Watts) > 0, "the safe mode heats a house whose temperature it cannot see");
    }

    [Fact]
    public void Honouring_dwell_never_switches_a_source_inside_its_minimum_on_or_off_time()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var statuses = Sources.Select(s => new SourceStatus(s.Id, random.Next(2) == 0 ? 0 : s.Levels[random.Next(1, s.Levels.Count)],
                TimeSpan.FromMinutes(random.Next(0, 30)))).ToList();
            var wanted = Sources.Select(s => new SourceSetting(s.Id, s.Levels[random.Next(s.Levels.Count)])).ToList();

            var honoured = PredictiveController.HonourDwell(wanted, statuses, Sources);

            foreach (var (source, status, setting) in Sources.Zip(statuses, honoured))
            {
                if (status.Running && status.SinceLastSwitch < source.MinimumOnTime)
                {
                    Assert.True(setting.Watts > 0, $"{source.Id} was switched off {status.SinceLastSwitch} after it started");
                }
                else if (!status.Running && status.SinceLastSwitch < source.MinimumOffTime)
                {
                    Assert.Equal(0, setting.Watts);
                }
                else
                {
                    Assert.Equal(wanted.Single(w => w.Id == source.Id).Watts, setting.Watts);
                }
            }
        }
    }

    private static ControllerObservation Observation(DateTimeOffset now, double? room) => new(
        now, room, TimeSpan.FromMinutes(2), 2, [],
        [new PriceInterval(now, TimeSpan.FromHours(24), 0.30)], 0.10, 0.04,
        [new ComfortInterval(now, 21, 22)],
        [.. Sources.Select(s => new SourceStatus(s.Id, 0, TimeSpan.FromHours(1)))]);
}
