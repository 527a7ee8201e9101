using Microsoft.Extensions.Logging;
using ProofOfHeat.HomeAssistant.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ProofOfHeat.HomeAssistant.Tests;

/// <summary>Hostile servers: an endless message, a login that breaks at once, a URL with a password.</summary>
public sealed class HardeningTests(ITestOutputHelper output)
{
    private const long OversizedBytes = 300L * 1024 * 1024;

    [Fact]
    public async Task RunAsync_300MbMessage_ClosesWithAClearErrorFreesTheMemoryAndReconnects()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();
        var normal = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var sending = harness.Server.SendOversizedMessageAsync(OversizedBytes);
        var (reason, error) = await harness.Handler.Disconnected.WaitForCountAsync(1);
        var sent = await sending.WaitAsync(TestTimeouts.Safety);

        Assert.Equal(HaDisconnectReason.Error, reason);
        var connectionError = Assert.IsType<HomeAssistantConnectionException>(error);
        Assert.Contains("larger than the limit of 64 MiB", connectionError.Message, StringComparison.Ordinal);
        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("larger than the limit", StringComparison.Ordinal));

        // The client stopped reading at the limit, so most of the 300 MB was never sent (only what socket buffers took).
        Assert.True(sent < OversizedBytes / 2, $"the fake sent {sent:N0} bytes before the client closed");

        // It never held more than the limit: the buffer grows by doubling up to 64 MiB (~128 MiB allocated in all);
        // an unbounded buffer would have allocated over 600 MB for the 300 MB message.
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.True(allocated < 256L * 1024 * 1024, $"allocated {allocated:N0} bytes while reading the message");

        // And gave it back: the closed connection's buffer is garbage.
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"sent {sent:N0} of {OversizedBytes:N0} bytes; allocated {allocated:N0} while reading; heap {normal:N0} before, {after:N0} after");
        Assert.True(after - normal < 16L * 1024 * 1024, $"heap {normal:N0} bytes before, {after:N0} after");

        harness.Time.Advance(harness.Options.ReconnectInitialDelay);
        await harness.Handler.Connected.WaitForCountAsync(2);
    }

    [Fact]
    public async Task RunAsync_ConfiguredLimit_ClosesOnAMessageOneByteAbove()
    {
        await using var harness = RunnerHarness.Create(configure: o => new HomeAssistantClientOptions
        {
            WebSocketUri = o.WebSocketUri,
            AccessToken = o.AccessToken,
            MaxMessageBytes = 4 * 1024 * 1024,
        });
        var (_, states) = await harness.StartAndWaitConnectedAsync();
        Assert.NotEmpty(states);

        await harness.Server.SendOversizedMessageAsync(4 * 1024 * 1024 + 1);
        var (_, error) = await harness.Handler.Disconnected.WaitForCountAsync(1);

        Assert.Contains("larger than the limit of 4 MiB", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ServerThatBreaksRightAfterLogin_KeepsBackingOff()
    {
        await using var harness = RunnerHarness.Create(configure: WithoutPings);
        await harness.StartAndWaitConnectedAsync();

        var expected = new[] { 2, 4, 8, 16 };
        for (var i = 0; i < expected.Length; i++)
        {
            await harness.Server.DropConnectionsAsync();
            await harness.Handler.Disconnected.WaitForCountAsync(1 + i);
            Assert.Equal(TimeSpan.FromSeconds(expected[i]), await LoggedDelayAsync(harness, 1 + i));
            harness.Time.Advance(TimeSpan.FromSeconds(expected[i]));
            await harness.Handler.Connected.WaitForCountAsync(2 + i);
        }
    }

    [Fact]
    public async Task RunAsync_ConnectionThatLasted_ResetsTheBackoff()
    {
        await using var harness = RunnerHarness.Create(configure: WithoutPings);
        await harness.StartAndWaitConnectedAsync();
        await harness.Server.DropConnectionsAsync();
        await harness.Handler.Disconnected.WaitForCountAsync(1);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await harness.Handler.Connected.WaitForCountAsync(2);
        await harness.Server.DropConnectionsAsync();
        await harness.Handler.Disconnected.WaitForCountAsync(2);
        Assert.Equal(TimeSpan.FromSeconds(4), await LoggedDelayAsync(harness, 2));
        harness.Time.Advance(TimeSpan.FromSeconds(4));
        await harness.Handler.Connected.WaitForCountAsync(3);

        harness.Time.Advance(harness.Options.StableConnectionTime);
        Assert.True(harness.Handler.Disconnected.Count == 2, "the third connection ended before the test dropped it:\n" + Log(harness));
        await harness.Server.DropConnectionsAsync();
        await harness.Handler.Disconnected.WaitForCountAsync(3);

        Assert.True(harness.Options.ReconnectInitialDelay == await LoggedDelayAsync(harness, 3), Log(harness));
    }

    [Fact]
    public async Task RunAsync_UrlWithPassword_NeverLogsIt()
    {
        await using var harness = RunnerHarness.Create(configure: o => new HomeAssistantClientOptions
        {
            WebSocketUri = new UriBuilder(o.WebSocketUri) { UserName = "admin", Password = "hunter2" }.Uri,
            AccessToken = o.AccessToken,
        });
        await harness.StartAndWaitConnectedAsync();

        Assert.Contains(harness.Logger.Entries, e => e.Text.StartsWith("Connecting to Home Assistant at ws://127.0.0.1", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Text.Contains("hunter2", StringComparison.Ordinal));
    }

    private static HomeAssistantClientOptions WithoutPings(HomeAssistantClientOptions o) => new()
    {
        WebSocketUri = o.WebSocketUri,
        AccessToken = o.AccessToken,

        // Fake time jumps a minute at once here; keep-alive pings would time out inside the jump.
        PingInterval = TimeSpan.FromHours(1),
    };

    private static string Log(RunnerHarness harness) => string.Join("\n", harness.Logger.Entries.Select(e => e.Text));

    // The n-th "reconnecting in …" delay the runner logged. The line is written after the handler hears of the
    // disconnect, on another thread: wait for it (a generous bound for a loaded machine) rather than read too early.
    private static async Task<TimeSpan> LoggedDelayAsync(RunnerHarness harness, int n)
    {
        const string Marker = "reconnecting in ";
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        List<string> lines;
        while ((lines = harness.Logger.Entries.Select(e => e.Text).Where(t => t.Contains(Marker, StringComparison.Ordinal)).ToList()).Count < n
            && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }

        Assert.True(lines.Count >= n, $"expected {n} reconnect lines:\n{Log(harness)}");
        var line = lines[n - 1];
        var start = line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        var end = line.IndexOf(' ', start);
        return TimeSpan.Parse(end < 0 ? line[start..] : line[start..end], System.Globalization.CultureInfo.InvariantCulture);
    }
}
