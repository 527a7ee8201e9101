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

    [Theory]
    [InlineData("--house", "H-X", "H-M, H-L, H-H or all")]
    [InlineData("--house", "medium", "H-M, H-L, H-H or all")]
    [InlineData("--hashprice", "med", "low, mid, high or all")]
    [InlineData("--hashprice", "0.04", "low, mid, high or all")]
    public void Run_BadHouseOrHashprice_Exits2AndNamesTheAllowedValues(string option, string value, string allowed)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, BenchProgram.Run([option, value, "--out", _out], stdout, stderr));
        Assert.Contains($"{option} '{value}'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(allowed, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HouseWithoutValue_Exits2()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, BenchProgram.Run(["--house"], stdout, stderr));
        Assert.Contains("--house needs a value", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HouseWithScenarioDirectory_Exits2()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, BenchProgram.Run(["--scenario", Example(), "--house", "H-L", "--out", _out], stdout, stderr));
        Assert.Contains("--scenario", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HouseHL_ExportsScenariosOnHLWithUniqueNames()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = BenchProgram.Run(["--house", "H-L", "--filter", "P2-T3", "--export", _out], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var loaded = Directory.GetDirectories(_out).Select(ScenarioLoader.Load).ToList();
        Assert.Equal(6, loaded.Count);
        Assert.All(loaded, s => Assert.Equal("H-L", s.Definition.HouseName));
        Assert.All(loaded, s => Assert.Equal(ScenarioCatalog.House("H-L"), s.Definition.House));
        Assert.All(loaded, s => Assert.EndsWith("-H-L", s.Definition.Name, StringComparison.Ordinal));
        Assert.Equal(loaded.Count, loaded.Select(s => s.Definition.Name).Distinct().Count());
    }

    [Fact]
    public void Run_AllHousesAndHashprices_ExportsOneDirectoryPerScenario()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = BenchProgram.Run(["--house", "all", "--hashprice", "all", "--filter", "P2-T3-B-", "--export", _out], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var loaded = Directory.GetDirectories(_out).Select(ScenarioLoader.Load).ToList();
        // 3 houses × 3 hashprices × 2 forecasts; a name clash would overwrite a directory and lower the count.
        Assert.Equal(18, loaded.Count);
        Assert.Equal(["H-H", "H-L", "H-M"], loaded.Select(s => s.Definition.HouseName).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["high", "low", "mid"], loaded.Select(s => s.Definition.HashpriceLabel).Distinct().Order(StringComparer.Ordinal));
        Assert.All(loaded, s => Assert.Equal(ScenarioCatalog.Hashprice(s.Definition.HashpriceLabel), s.Hashprice[0].UsdPerThDay));
    }

    [Fact]
    public void CoreSubset_EveryHouseAndHashprice_HasUniqueNamesAndKeepsTheHMNames()
    {
        var all = ScenarioCatalog.CoreSubset(ScenarioCatalog.Houses, ScenarioCatalog.HashpriceLabels);
        Assert.Equal(3 * 3 * 36, all.Count);
        Assert.Equal(all.Count, all.Select(s => s.Definition.Name).Distinct().Count());
        var defaultNames = ScenarioCatalog.CoreSubset().Select(s => s.Definition.Name).ToList();
        Assert.Equal(defaultNames, all.Where(s => s.Definition.HouseName == "H-M" && s.Definition.HashpriceLabel == "mid").Select(s => s.Definition.Name));
        Assert.Contains("P2-T3-B-mid-med", defaultNames);
        Assert.All(ScenarioCatalog.CoreSubset("H-H", "low"), s => Assert.Equal(("H-H", "low"), (s.Definition.HouseName, s.Definition.HashpriceLabel)));
    }
}
