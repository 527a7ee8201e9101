using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

/// <summary>A source with a restart hold (<see cref="PlannerSource.LevelHold"/>) keeps a level it was set to until the hold ends.</summary>
public sealed class RestartHoldTests
{
    private static readonly PlannerSource HeldMiner = PlanFixtures.Miner with { LevelHold = TimeSpan.FromMinutes(30) };

    [Theory]
    [InlineData(5, true)]
    [InlineData(40, false)]
    public void The_planner_keeps_a_held_level_and_moves_once_the_hold_is_over(int minutesSinceLevelChange, bool held)
    {
        var planner = new DpPlanner();
        var request = PlanFixtures.Request([HeldMiner], count: 16, outdoor: 10, lower: 15);
        var solution = planner.Solve(request, 20);
        // Running 30 min (past its minimum on time), level last changed some minutes ago; a warm house wants no heat.
        var status = new SourceStatus("miner", 3500, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(minutesSinceLevelChange));

        var decision = planner.Choose(solution, 0, 23.5, 23, [status]);

        var watts = decision.Settings.Single().Watts;
        if (held)
        {
            Assert.Equal(3500, watts);
        }
        else
        {
            Assert.NotEqual(3500, watts);
        }
    }

    [Fact]
    public void Without_a_level_change_time_the_last_switch_stands_for_it()
    {
        Assert.True(new SourceStatus("miner", 1750, TimeSpan.FromMinutes(10)).LevelHeldBy(HeldMiner));
        Assert.False(new SourceStatus("miner", 1750, TimeSpan.FromMinutes(31)).LevelHeldBy(HeldMiner));
        Assert.False(new SourceStatus("miner", 0, TimeSpan.FromMinutes(10)).LevelHeldBy(HeldMiner));
        Assert.False(new SourceStatus("miner", 1750, TimeSpan.FromMinutes(10)).LevelHeldBy(PlanFixtures.Miner));
    }

    [Fact]
    public void Honouring_dwell_undoes_a_step_or_a_stop_inside_the_hold()
    {
        IReadOnlyList<PlannerSource> sources = [HeldMiner];
        var status = new SourceStatus("miner", 2625, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(20));
        foreach (var wanted in new[] { 0.0, 875, 3500 })
        {
            var honoured = PredictiveController.HonourDwell([new SourceSetting("miner", wanted)], [status], sources);
            Assert.Equal(2625, honoured.Single().Watts);
        }

        var after = status with { SinceLastLevelChange = TimeSpan.FromMinutes(30) };
        Assert.Equal(875, PredictiveController.HonourDwell([new SourceSetting("miner", 875)], [after], sources).Single().Watts);
    }
}
