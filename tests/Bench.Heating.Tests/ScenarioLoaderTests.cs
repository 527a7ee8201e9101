using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "poh-bench-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Scenario Sample() => ScenarioCatalog.Create("P1", TariffKind.T3, "D", "mid", ForecastErrorLevel.Medium, sensorFault: true);

    [Fact]
    public void WriteThenLoad_RoundTrips()
    {
        var original = Sample();
        ScenarioWriter.Write(original, _dir);
        var loaded = ScenarioLoader.Load(_dir);
        var a = original.Definition;
        var b = loaded.Definition;
        Assert.Equal(a.Name, b.Name);
        Assert.Equal(a.Seed, b.Seed);
        Assert.Equal(a.House, b.House);
        Assert.Equal(a.Start, b.Start);
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Sources, b.Sources);
        Assert.Equal(a.ForecastError, b.ForecastError);
        Assert.Equal(a.Comfort, b.Comfort);
        Assert.Equal(a.Gains, b.Gains);
        Assert.Equal(a.Windows, b.Windows);
        Assert.Equal(a.Faults, b.Faults);
        Assert.Equal(a.GasEurPerKwh, b.GasEurPerKwh);
        Assert.Equal(original.Tariff.Count, loaded.Tariff.Count);
        Assert.All(original.Tariff.Zip(loaded.Tariff), p =>
        {
            Assert.Equal(p.First.Start, p.Second.Start);
            Assert.Equal(p.First.PublishedAt, p.Second.PublishedAt);
            Assert.Equal(p.First.EurPerKwh, p.Second.EurPerKwh, 5);
        });
        Assert.Equal(original.Weather.Temperature.Values.Count, loaded.Weather.Temperature.Values.Count);
        Assert.Equal(original.Weather.Temperature.At(a.TestStart), loaded.Weather.Temperature.At(a.TestStart), 3);
        Assert.Equal(original.Hashprice, loaded.Hashprice);
    }

    [Theory]
    [InlineData("scenario.yaml", "forecast_error: medium", "forecast_error: huge", "forecast_error 'huge' is unknown")]
    [InlineData("scenario.yaml", "kind: heat_pump", "kind: heatpump", "source kind 'heatpump' is unknown")]
    [InlineData("scenario.yaml", "house: H-M", "house: H-X", "house 'H-X' is unknown")]
    [InlineData("scenario.yaml", "seed: 1001", "seed: 1001\nsed: 3", "unknown key 'sed'")]
    [InlineData("scenario.yaml", "gas_eur_per_kwh: 0.1", "gas_eur_per_kwh: 0,1", "'gas_eur_per_kwh' must be a number")]
    [InlineData("scenario.yaml", "name: ", "name: [", "YAML syntax error")]
    public void Load_BadYaml_NamesFileLineAndFix(string file, string find, string replace, string message)
    {
        ScenarioWriter.Write(Sample(), _dir);
        var path = Path.Combine(_dir, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var index = text.IndexOf(find, StringComparison.Ordinal);
        var line = text[..index].Count(c => c == '\n') + 1;
        File.WriteAllText(path, text[..index] + replace + text[(index + find.Length)..]);

        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(_dir));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(file, error.File, StringComparison.Ordinal);
        Assert.InRange(error.Line, line, line + 1);
        Assert.StartsWith($"{path}:{error.Line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadCsvValue_NamesRow()
    {
        ScenarioWriter.Write(Sample(), _dir);
        var path = Path.Combine(_dir, "tariff.csv");
        var lines = File.ReadAllLines(path);
        lines[5] = lines[5].Replace(",15,", ",15,abc,", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(_dir));
        Assert.Equal(6, error.Line);
        Assert.Contains("expected 4 comma-separated values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnevenWeatherRows_NamesRow()
    {
        ScenarioWriter.Write(Sample(), _dir);
        var path = Path.Combine(_dir, "weather.csv");
        var lines = File.ReadAllLines(path).ToList();
        lines.RemoveAt(10);
        File.WriteAllLines(path, lines);
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(_dir));
        Assert.Equal(11, error.Line);
        Assert.Contains("evenly spaced", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PublishedAfterStart_IsRejected()
    {
        ScenarioWriter.Write(Sample(), _dir);
        var path = Path.Combine(_dir, "tariff.csv");
        var lines = File.ReadAllLines(path);
        var cells = lines[3].Split(',');
        cells[3] = "2030-01-01T00:00:00Z";
        lines[3] = string.Join(',', cells);
        File.WriteAllLines(path, lines);
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(_dir));
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Load_MissingFile_SaysWhatIsNeeded()
    {
        ScenarioWriter.Write(Sample(), _dir);
        File.Delete(Path.Combine(_dir, "hashprice.csv"));
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(_dir));
        Assert.Contains("hashprice.csv", error.Message, StringComparison.Ordinal);
    }
}
