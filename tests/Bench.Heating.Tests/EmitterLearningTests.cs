using ProofOfHeat.Bench.Heating.Runner;
using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Sim.Heating;
using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class EmitterLearningTests
{
    [Theory]
    [InlineData("H-M")]
    [InlineData("H-L")]
    [InlineData("H-H")]
    public void WarmUpHistory_ReportsFlowAndHydronicHeat_FromWhichTheRadiatorsAreLearnt(string house)
    {
        var probe = new HistoryProbe();
        BenchRun.Run(Short("B", house), probe);
        var history = probe.History;

        Assert.Contains(history, h => h.FlowTemperature is not null);
        Assert.All(history, h => Assert.Equal(h.FlowTemperature is null, h.HydronicHeatWatts is null));
        Assert.All(history.Where(h => h.HydronicHeatWatts is not null), h => Assert.True(h.HydronicHeatWatts > 0));
        var mpc = new MpcStrategy();
        mpc.Prepare(new StrategySetup(Sources(Short("B", house)), history));

        // The same radiators in every house; learnt from measurements, never read from the plant.
        Assert.NotNull(mpc.Options!.EmitterConductance);
        Assert.InRange(mpc.Options.EmitterConductance.Value / PlantOptions.Radiators.EmitterConductance, 0.95, 1.05);
    }

    [Fact]
    public void WithoutAHydronicSource_ThereIsNoFlow_AndTheMpcKeepsItsAssumption()
    {
        var probe = new HistoryProbe();
        BenchRun.Run(Short("A", "H-M"), probe);
        Assert.All(probe.History, h => Assert.Null(h.FlowTemperature));

        var mpc = new MpcStrategy();
        mpc.Prepare(new StrategySetup(Sources(Short("A", "H-M")), probe.History));
        Assert.NotNull(mpc.Identification);
        Assert.Null(mpc.Options!.EmitterConductance);
    }

    private static ScenarioSources Sources(Scenario scenario) => new([.. scenario.Definition.Sources.Select(s => s.Spec())]);

    private static Scenario Short(string set, string house)
    {
        var s = ScenarioCatalog.Create("P2", TariffKind.T3, set, "mid", ForecastErrorLevel.Medium, house);
        return s with { Definition = s.Definition with { WarmUp = TimeSpan.FromDays(3), Test = TimeSpan.FromHours(1) } };
    }

    private sealed class HistoryProbe : IHeatingStrategy
    {
        public string Name => "probe";

        public TimeSpan DecisionInterval => TimeSpan.FromMinutes(15);

        public IReadOnlyList<HistorySample> History { get; private set; } = [];

        public void Prepare(StrategySetup setup) => History = setup.WarmUpHistory;

        public StrategyDecision Decide(StrategyObservation observation) => new([]);
    }
}
