using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Runner;
using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class PlantOptionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "poh-bench-plant-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static Scenario Short()
    {
        var s = ScenarioCatalog.Create("P2", TariffKind.T3, "B", "mid", ForecastErrorLevel.Deterministic);
        return s with { Definition = s.Definition with { WarmUp = TimeSpan.FromDays(1), Test = TimeSpan.FromDays(1) } };
    }

    [Fact]
    public void WithPlant_SetsExponentAndLag_MarksTheName_AndRoundTripsThroughTheScenarioFiles()
    {
        var scenario = BenchProgram.WithPlant(Short(), "emitter_exponent=1.1,hydronic_lag_hours=1");
        Assert.Equal("P2-T3-B-mid-det-n1.1-lag1", scenario.Definition.Name);
        ScenarioWriter.Write(scenario, _dir);
        Assert.Contains("plant:", File.ReadAllText(Path.Combine(_dir, "scenario.yaml")), StringComparison.Ordinal);
        var loaded = ScenarioLoader.Load(_dir).Definition;
        Assert.Equal(1.1, loaded.EmitterExponent);
        Assert.Equal(TimeSpan.FromHours(1), loaded.HydronicLag);
        Assert.Throws<ArgumentException>(() => BenchProgram.WithPlant(Short(), "emitter_exponent=3"));
        Assert.Throws<ArgumentException>(() => BenchProgram.WithPlant(Short(), "cop=0.4"));
    }

    [Fact]
    public void TheExponentReachesThePlant_FlatterEmittersPassLessHeatAtTheSameFlow()
    {
        // Flatter emitters (exponent 1.1 instead of 1.3) pass less heat at a given excess temperature, so the same
        // HYST needs more running hours of the heat pump, or stays colder.
        var stock = BenchRun.Run(Short(), new HystStrategy());
        var flatter = BenchRun.Run(BenchProgram.WithPlant(Short(), "emitter_exponent=1.1"), new HystStrategy());
        Assert.NotEqual(stock.NetCost, flatter.NetCost);
        Assert.NotEqual(stock.DiscomfortKh, flatter.DiscomfortKh);
    }
}
