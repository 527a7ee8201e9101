using System.Net.Http.Json;
using System.Text.Json;
using ProofOfHeat.Host.Tests.Process;
using ProofOfHeat.TestKit.HomeAssistant;
using Xunit.Abstractions;

namespace ProofOfHeat.Host.Tests.Logging;

/// <summary>
/// What <c>poh run</c> writes on stdout when HA drops the connection, read as the add-on log tab reads it: stdout
/// redirected (not a terminal), once in the default readable format and once with <c>--log-format json</c>.
/// </summary>
public sealed class PohConsoleLogTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly FakeHomeAssistant _ha = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ha.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Readable_HaDropsTheConnection_OneWarningLine_NoTrace_NoColour_NoRequestLines()
    {
        await using var poh = await RunThroughADisconnectAsync();

        var lines = poh.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var warning = Assert.Single(lines, l => l.Contains(" WRN ", StringComparison.Ordinal) || l.Contains(" ERR ", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} WRN ha: Disconnected from Home Assistant \(.+\); reconnecting in \d+(\.\d)? s", warning);
        Assert.DoesNotContain("   at ", poh.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", poh.Stdout + poh.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("/api/status", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (DBG|INF|WRN|ERR|CRT) [a-z0-9]+: ", l));
    }

    [Fact]
    public async Task Json_EveryStdoutLineIsOneJsonObject_TheDisconnectAmongThem()
    {
        await using var poh = await RunThroughADisconnectAsync("--log-format", "json");

        var entries = poh.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var warning = Assert.Single(entries, e => e.GetProperty("LogLevel").GetString() == "Warning");
        Assert.StartsWith("Disconnected from Home Assistant", warning.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", poh.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeHomeAssistant.ValidToken, poh.Stdout + poh.Stderr, StringComparison.Ordinal);
    }

    // Starts poh, waits until it is connected, drops HA's side, waits until poh is back (and asked for its status
    // a few times meanwhile), then stops poh with SIGTERM so that everything it logged is on stdout.
    private async Task<PohProcess> RunThroughADisconnectAsync(params string[] extraArgs)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["POH_HA_URL"] = $"http://127.0.0.1:{_ha.WebSocketUri.Port}",
            ["POH_HA_TOKEN"] = FakeHomeAssistant.ValidToken,
        };
        var poh = PohProcess.Start(_dir.Path, environment, ["run", "--data", _dir.Combine("data"), "--http-port", "0", .. extraArgs]);
        using var api = new HttpClient { BaseAddress = await poh.Listening.WaitAsync(Safety), Timeout = Safety };
        await Eventually.UntilAsync(() => IsConnectedAsync(api), Safety, "poh connected to HA");

        await _ha.DropConnectionsAsync();
        await _ha.WaitForConnectionAsync(2).WaitAsync(Safety);
        await Eventually.UntilAsync(() => IsConnectedAsync(api), Safety, "poh connected to HA again");
        await Eventually.UntilAsync(() => poh.Stdout.Contains("Disconnected from Home Assistant", StringComparison.Ordinal), Safety, "the disconnect logged");

        Assert.Equal(0, await poh.StopAsync(Safety));
        output.WriteLine(poh.Stdout);
        return poh;
    }

    private static async Task<bool> IsConnectedAsync(HttpClient api)
    {
        var status = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative));
        return status.GetProperty("home").GetProperty("connected").GetBoolean();
    }
}
