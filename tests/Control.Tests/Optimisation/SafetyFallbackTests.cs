using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

public class SafetyFallbackTests
{
    [Theory]
    [InlineData(20.5, 10, false)]
    [InlineData(20.5, 59, false)]
    [InlineData(20.5, 61, true)]
    [InlineData(null, 0, true)]
    public void Engages_when_the_reading_is_missing_or_older_than_an_hour(double? room, int ageMinutes, bool engaged) =>
        Assert.Equal(engaged, SafetyFallback.ShouldEngage(room, TimeSpan.FromMinutes(ageMinutes)));

    [Fact]
    public void Delivers_at_least_the_steady_heat_loss_from_the_cheapest_source_first()
    {
        var sources = new[] { PlanFixtures.Miner, PlanFixtures.HeatPump };
        var slot = new PlanSlot(PlanFixtures.Start, -5, 0, 0.35, 21, 24);
        var settings = SafetyFallback.Settings(sources, 170, 21.5, -5, slot, 0.1, 0.04, new PlannerOptions());

        var hp = settings.Single(s => s.Id == "hp");
        Assert.True(settings.Sum(s => s.Watts) >= 170 * 26.5 - 1);
        Assert.True(hp.Watts > 0);
        Assert.NotNull(hp.FlowTemperature);
    }

    [Fact]
    public void Sends_nothing_when_it_is_warmer_outside_than_the_target()
    {
        var sources = new[] { PlanFixtures.Miner, PlanFixtures.Resistive };
        var slot = new PlanSlot(PlanFixtures.Start, 25, 0, 0.30, 21, 24);
        var settings = SafetyFallback.Settings(sources, 170, 21.5, 25, slot, 0.1, 0.04, new PlannerOptions());
        Assert.All(settings, s => Assert.Equal(0, s.Watts));
    }
}
