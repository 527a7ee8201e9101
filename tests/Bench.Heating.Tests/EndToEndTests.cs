using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Runner;
using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class EndToEndTests
{
    private static Scenario Short(string set = "B", bool fault = false)
    {
        var s = ScenarioCatalog.Create("P2", TariffKind.T3, set, "mid", ForecastErrorLevel.Medium, sensorFault: fault);
        return s with { Definition = s.Definition with { WarmUp = TimeSpan.FromDays(2), Test = TimeSpan.FromDays(2) } };
    }

    [Theory]
    [InlineData("HYST")]
    [InlineData("TPI")]
    [InlineData("PRICE-RULE")]
    public void ShortRun_ProducesPlausibleKpis(string name)
    {
        var scenario = Short();
        var strategy = name == "PRICE-RULE" ? new PriceRuleStrategy() : new StrategyRegistry(new BaselineTuner()).Create(name, scenario);
        var kpis = BenchRun.Run(scenario, strategy);
        Assert.Equal(2, kpis.Days, 6);
        Assert.True(kpis.HeatKwh > 50, $"heat {kpis.HeatKwh}");
        Assert.True(kpis.GrossCost > 0);
        Assert.InRange(kpis.MinRoom, 12, 25);
        Assert.Equal(2 * 24 * 60 / strategy.DecisionInterval.TotalMinutes, kpis.Decisions);
    }

    [Fact]
    public void Prepare_GetsWarmUpHistoryEveryMinute_WithoutHouseParameters()
    {
        var probe = new Probe();
        BenchRun.Run(Short(), probe);
        Assert.Equal(2 * 24 * 60, probe.Setup!.WarmUpHistory.Count);
        Assert.Contains(probe.Setup.WarmUpHistory, h => h.HeatToAirWatts > 0);
        Assert.Equal(["miner", "heatpump"], probe.Setup.Sources.Sources.Select(s => s.Id));
    }

    [Fact]
    public void Observations_SeeT3PricesOnlyAfterPublication()
    {
        var probe = new Probe();
        BenchRun.Run(Short(), probe);
        foreach (var o in probe.Seen)
        {
            var lastVisible = o.ElectricityPrices[^1].Start;
            var tomorrow = o.Now.UtcDateTime.Date.AddDays(1);
            var expectedEnd = o.Now.UtcDateTime.Hour >= 13 ? tomorrow.AddDays(1) : tomorrow;
            Assert.Equal(new DateTimeOffset(expectedEnd.AddMinutes(-15), TimeSpan.Zero), lastVisible);
            Assert.Equal(36, o.Forecast.Count);
            Assert.Equal(144, o.Comfort.Count);
        }
    }

    [Fact]
    public void SensorFault_RoomIsNullForThreeHours_AndExcursionReported()
    {
        var scenario = ScenarioCatalog.Create("P2", TariffKind.T1, "A", "mid", ForecastErrorLevel.Deterministic, sensorFault: true);
        scenario = scenario with { Definition = scenario.Definition with { Test = TimeSpan.FromDays(5) } };
        var probe = new Probe();
        var kpis = BenchRun.Run(scenario, probe);
        var fault = scenario.Definition.Faults.Single();
        var silent = probe.Seen.Where(o => o.RoomTemperature is null).ToList();
        Assert.Equal(180 / 15, silent.Count);
        Assert.All(silent, o => Assert.True(fault.IsSilent(o.Now)));
        Assert.NotNull(kpis.FaultMaxExcursionK);
    }

    [Fact]
    public void SensorReports_AreQuantisedAndAtLeastEveryTenMinutes()
    {
        var probe = new Probe { Interval = TimeSpan.FromMinutes(1) };
        BenchRun.Run(Short("A"), probe);
        Assert.All(probe.Seen, o => Assert.Equal(Math.Round(o.RoomTemperature!.Value * 10), o.RoomTemperature!.Value * 10, 6));
        Assert.All(probe.Seen, o => Assert.True(o.RoomTemperatureAge <= TimeSpan.FromMinutes(10)));
        Assert.Contains(probe.Seen, o => o.RoomTemperatureAge > TimeSpan.Zero);
    }

    [Fact]
    public void Oracle_GetsTruth()
    {
        var probe = new OracleProbe();
        BenchRun.Run(Short(), probe);
        Assert.NotNull(probe.Truth);
        Assert.Equal(70, probe.Truth!.House.AirToOutdoor);
        Assert.Equal(probe.Truth.Start, Short().Definition.TestStart);
    }

    private class Probe : IHeatingStrategy
    {
        public string Name => "probe";

        public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(15);

        public TimeSpan DecisionInterval => Interval;

        public StrategySetup? Setup { get; private set; }

        public List<StrategyObservation> Seen { get; } = [];

        public void Prepare(StrategySetup setup) => Setup = setup;

        public StrategyDecision Decide(StrategyObservation observation)
        {
            Seen.Add(observation);
            return new StrategyDecision([new SourceCommand(observation.Sources[0].Id, 3500)]);
        }
    }

    private sealed class OracleProbe : Probe, IPerfectForesight
    {
        public ScenarioTruth? Truth { get; private set; }

        public void SetTruth(ScenarioTruth truth) => Truth = truth;
    }
}
