using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class ProgramTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "poh-bench-out-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    private static string Example()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "Heating", "scenarios", "P2-T3-B-mid-med");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        // Artifacts may live outside the repository (POH_ARTIFACTS); fall back to the source tree.
        return Path.GetFullPath(Path.Combine(TestSource(), "..", "..", "bench", "Heating", "scenarios", "P2-T3-B-mid-med"));
    }

    private static string TestSource([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [Fact]
    public void CheckedInExample_MatchesTheGenerator()
    {
        var loaded = ScenarioLoader.Load(Example());
        var generated = ScenarioCatalog.Create("P2", TariffKind.T3, "B", "mid", ForecastErrorLevel.Medium);
        Assert.Equal(generated.Definition.Windows, loaded.Definition.Windows);
        Assert.Equal(generated.Tariff.Count, loaded.Tariff.Count);
        Assert.Equal(generated.Tariff[500].EurPerKwh, loaded.Tariff[500].EurPerKwh, 5);
        Assert.Equal(generated.Weather.Temperature.Values[700], loaded.Weather.Temperature.Values[700], 3);
    }

    [Fact]
    public void Run_OneScenarioDirectory_WritesTableAndJson()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = BenchProgram.Run(["--scenario", Example(), "--strategies", "HYST,TPI", "--test-days", "1", "--out", _out], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("| P2-T3-B-mid-med | HYST |", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("| P2-T3-B-mid-med | TPI |", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out, "results.md")));
        Assert.Contains("\"NetCost\"", File.ReadAllText(Path.Combine(_out, "results.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithF1_ReportsTheFaultExcursion()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = BenchProgram.Run(["--filter", "P2-T1-A-mid-det", "--strategies", "TPI", "--test-days", "1", "--f1", "--out", _out], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("P2-T1-A-mid-det-F1", stdout.ToString(), StringComparison.Ordinal);
        Assert.Matches("\"FaultMaxExcursionK\": [0-9]", File.ReadAllText(Path.Combine(_out, "results.json")));
    }

    [Fact]
    public void Run_BadScenario_ExitsWithFileAndLine()
    {
        Directory.CreateDirectory(_out);
        File.WriteAllText(Path.Combine(_out, "scenario.yaml"), "name: x\nstart: yesterday\nsources: []\n");
        File.WriteAllText(Path.Combine(_out, "weather.csv"), "time,outdoor_c,ghi_w_m2\n");
        File.WriteAllText(Path.Combine(_out, "tariff.csv"), "start,minutes,eur_per_kwh,published\n");
        File.WriteAllText(Path.Combine(_out, "hashprice.csv"), "start,usd_per_th_day\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, BenchProgram.Run(["--scenario", _out], stdout, stderr));
        Assert.Contains("scenario.yaml:", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownStrategy_Exits2()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, BenchProgram.Run(["--strategies", "NOPE", "--filter", "P2-T1-A-mid-det", "--out", _out], stdout, stderr));
        Assert.Contains("NOPE", stderr.ToString(), StringComparison.Ordinal);
    }
}
