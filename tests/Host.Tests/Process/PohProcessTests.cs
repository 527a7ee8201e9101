using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProofOfHeat.Host.Tests.Process;

/// <summary>Tests that launch the real <c>poh</c> binary: durability across SIGKILL and the CLI's exit codes.</summary>
public sealed class PohProcessTests : IDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Demo_StateAndAppSwitchSetThenKilled_SurviveRestart()
    {
        var data = _dir.Combine("data");
        const string Value = """{"zone":"living","target":22.5,"note":"written just before SIGKILL"}""";

        await using (var first = PohProcess.Start(_dir.Path, "demo", "--data", data, "--http-port", "0", "--speed", "60"))
        {
            using var client = new HttpClient { BaseAddress = await first.Listening.WaitAsync(Safety), Timeout = Safety };
            var put = await client.PutAsync(new Uri("/api/state/overrides/living", UriKind.Relative), new StringContent(Value, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var off = await client.PutAsync(new Uri("/api/apps/heating/enabled", UriKind.Relative), new StringContent("""{"enabled": false}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);

            await first.KillAsync();
        }

        await using var second = PohProcess.Start(_dir.Path, "demo", "--data", data, "--http-port", "0", "--speed", "60");
        using var again = new HttpClient { BaseAddress = await second.Listening.WaitAsync(Safety), Timeout = Safety };
        var stored = await again.GetFromJsonAsync<JsonElement>(new Uri("/api/state/overrides/living", UriKind.Relative));
        var apps = await again.GetFromJsonAsync<JsonElement>(new Uri("/api/apps", UriKind.Relative));

        Assert.Equal(JsonSerializer.Deserialize<JsonElement>(Value).GetRawText(), stored.GetRawText());
        var heating = apps.EnumerateArray().Single(a => a.GetProperty("id").GetString() == "heating");
        Assert.False(heating.GetProperty("enabled").GetBoolean());
        Assert.Equal("disabled", heating.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Demo_Running_DecidesAndReportsItsAppsThroughTheApi()
    {
        await using var poh = PohProcess.Start(_dir.Path, "demo", "--data", _dir.Combine("data"), "--http-port", "0");
        using var client = new HttpClient { BaseAddress = await poh.Listening.WaitAsync(Safety), Timeout = Safety };

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        JsonElement home = default;
        await Eventually.UntilAsync(async () =>
        {
            home = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative))).GetProperty("home");
            return home.GetProperty("connected").GetBoolean()
                && Heating(home).GetProperty("state").GetString() == "running"
                && Regex.IsMatch(poh.Stdout, @"2026-01-05 06:\d\d .* W ");
        }, Safety, "the heating app running and a decision printed");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("sim", home.GetProperty("backend").GetString());
        Assert.Equal(["alarm", "heating", "miners", "safety"], home.GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Matches(@"2026-01-05 06:\d\d .* W ", poh.Stdout);
        // The house is heated by simulated miners of three firmware families, shown beside each decision.
        Assert.Matches(@"avalon_mini (zz|\d+) · bos_s19 (zz|\d+) · luxos_s19j (zz|\d+)", poh.Stdout);
    }

    [Fact]
    public async Task Demo_For_ExitsByItselfWithZero()
    {
        await using var poh = PohProcess.Start(_dir.Path, "demo", "--for", "1s", "--data", _dir.Combine("data"), "--http-port", "0");

        Assert.Equal(0, await poh.WaitForExitAsync(Safety));
    }

    [Fact]
    public async Task Demo_HeatsWithTheMinersThroughTheFleetAndTheirDrivers()
    {
        // 600x: the miners' 10-minute minimum off time passes in a second of wall time. The demo runs until the rows
        // the test looks for are printed (on a loaded machine that can take far longer than on a quiet one), then is
        // stopped: the test waits on what the demo prints, never on a fixed span of wall time.
        var plannedRow = new Regex(@"0\.280\s+\d+\.\d-\d+\.\d\s+avalon_mini (off|\d+) \(0\.\d{3}\) · bos_s19 (off|\d+) \(0\.\d{3}\) · luxos_s19j (off|\d+) \(0\.\d{3}\)");
        await using var poh = PohProcess.Start(_dir.Path, "demo", "--for", "600s", "--speed", "600", "--data", _dir.Combine("data"), "--http-port", "0");

        // The optimiser plans the three miners from the first decision on (the demo starts with two days of the
        // house's history): each row shows the slot's price, the band, and per miner the power and its heat cost.
        // And what is planned reaches the miners through the fleet and their drivers: some miner the plan runs
        // draws power in the same row (the plan decides which; a warm house may leave one asleep).
        await Eventually.UntilAsync(
            () => plannedRow.IsMatch(poh.Stdout) && Rows(poh.Stdout).Any(r => PlannedAndDrawing(r).Any()),
            TimeSpan.FromMinutes(3),
            "a planned row, and a row where a planned miner draws power");

        Assert.Equal(0, await poh.StopAsync(Safety));
        Assert.Matches(plannedRow, poh.Stdout);
        Assert.Contains(Rows(poh.Stdout), r => PlannedAndDrawing(r).Any());
    }

    // The table rows that carry a plan and what the miners draw.
    private static IEnumerable<string> Rows(string stdout) =>
        stdout.Split('\n').Where(r => r.Contains(" (0.", StringComparison.Ordinal) && r.Contains('|', StringComparison.Ordinal));

    // The miners a demo row plans to run ("bos_s19 2025 (0.225)") that also draw power ("| … bos_s19 2025").
    private static IEnumerable<string> PlannedAndDrawing(string row)
    {
        var parts = row.Split('|');
        var planned = Regex.Matches(parts[0], @"(\w+) (\d+) \(").Select(m => m.Groups[1].Value);
        var drawing = Regex.Matches(parts[1], @"(\w+) ([1-9]\d*)").Select(m => m.Groups[1].Value);
        return planned.Intersect(drawing);
    }

    [Fact]
    public async Task CheckConfig_BadFile_Exits2WithErrorOnStderrAndNoStackTrace()
    {
        var file = _dir.Write("poh.yaml", "http:\n  port: abc\n");
        await using var poh = PohProcess.Start(_dir.Path, "check-config", "--config", file);

        var code = await poh.WaitForExitAsync(Safety);

        Assert.Equal(2, code);
        Assert.Contains($"{file}:2:9: http.port: expected a whole number", poh.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", poh.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", poh.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, poh.Stdout.Trim());
    }

    [Fact]
    public async Task Demo_StoreLockedByAnotherPoh_Exits1NamingTheFile()
    {
        var data = _dir.Combine("data");
        await using var first = PohProcess.Start(_dir.Path, "demo", "--data", data, "--http-port", "0");
        await first.Listening.WaitAsync(Safety);

        await using var second = PohProcess.Start(_dir.Path, "demo", "--data", data, "--http-port", "0");

        Assert.Equal(1, await second.WaitForExitAsync(Safety));
        Assert.Contains(Path.Combine(data, "poh.db"), second.Stderr, StringComparison.Ordinal);
        Assert.Contains("locked", second.Stderr, StringComparison.Ordinal);
    }

    private static JsonElement Heating(JsonElement home) =>
        home.GetProperty("apps").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "heating");
}
