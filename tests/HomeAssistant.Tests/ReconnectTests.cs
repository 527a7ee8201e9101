using ProofOfHeat.HomeAssistant.Tests.Support;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests;

public sealed class ReconnectTests
{
    private static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task RunAsync_SocketDropped_ReconnectsResubscribesOnceAndResyncs()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        await harness.Server.DropConnectionsAsync();
        var (reason, _) = await harness.Handler.Disconnected.WaitForCountAsync(1);
        Assert.Equal(HaDisconnectReason.Error, reason);
        Assert.False(harness.Runner.IsConnected);

        // Changed while we were away: only the fresh snapshot can tell.
        harness.Server.SetState("binary_sensor.leak_kitchen", "on");
        harness.Time.Advance(InitialDelay);
        var (_, states) = await harness.Handler.Connected.WaitForCountAsync(2);

        Assert.Equal("on", states.Single(s => s.EntityId == "binary_sensor.leak_kitchen").State);
        Assert.Equal(2, harness.Server.ConnectionCount);
        Assert.Equal(1, harness.Server.ActiveSubscriptionCount);
        Assert.Empty(harness.Handler.StateChanges.Items);

        var secondIds = harness.Server.MessagesReceived.Where(m => m.Connection == 2 && m.Type != "auth").Select(m => m.Id!.Value).ToList();
        Assert.Equal(1, secondIds[0]);
        Assert.Equal(secondIds.Order().Distinct(), secondIds);

        harness.Server.SetState("sensor.flow_temp", "39.0");
        var change = await harness.Handler.StateChanges.WaitForCountAsync(1);
        Assert.Equal("39.0", change.NewState!.State);
    }

    [Fact]
    public async Task RunAsync_HaDown_BacksOffDoublingUpToTheCap()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();
        harness.Server.Stall();
        await harness.Server.DropConnectionsAsync();
        await harness.Handler.Disconnected.WaitForCountAsync(1);

        // While stalled the fake accepts TCP but never answers, so each attempt ends by the 5 s auth timeout.
        var expected = new[] { 2, 4, 8, 16, 32, 64, 80, 80 };
        for (var i = 0; i < expected.Length; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(expected[i]) - TimeSpan.FromTicks(1));
            Assert.Equal(1 + i, harness.Server.ConnectionCount);
            harness.Time.Advance(TimeSpan.FromTicks(1));
            await WaitForConnectionCountAsync(harness, 2 + i);
            harness.Time.Advance(harness.Options.AuthTimeout);
            await harness.Handler.Disconnected.WaitForCountAsync(2 + i);
        }

        harness.Server.Resume();
        harness.Time.Advance(TimeSpan.FromSeconds(80));
        await harness.Handler.Connected.WaitForCountAsync(2);
    }

    [Fact]
    public async Task RunAsync_HaRestarting_RetriesUntilRunning()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        await harness.Server.RestartAsync(TimeSpan.FromSeconds(9));
        await harness.Handler.Disconnected.WaitForCountAsync(1);
        while (harness.Handler.Connected.Count < 2)
        {
            var seen = harness.Handler.Disconnected.Count;
            harness.Time.Advance(InitialDelay);
            var next = await Task.WhenAny(harness.Handler.Connected.WaitForCountAsync(2), harness.Handler.Disconnected.WaitForCountAsync(seen + 1));
            await next;
        }

        var notReady = harness.Handler.Disconnected.Items.Count(d => d.Reason == HaDisconnectReason.NotReady);
        Assert.InRange(notReady, 3, 5);
        Assert.True(harness.Handler.Connected.Items[1].Config.IsRunning);
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task RunAsync_ServerStalls_PingTimeoutDropsAndReconnects()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        harness.Server.Stall();
        harness.Time.Advance(harness.Options.PingInterval);

        // The ping reached HA, which hangs and never answers it; the socket itself stays open.
        await harness.Server.WaitForMessageAsync(m => m.Type == "ping").WaitAsync(TestTimeouts.Safety);
        harness.Time.Advance(harness.Options.PingTimeout - TimeSpan.FromTicks(1));
        Assert.True(harness.Runner.IsConnected);
        harness.Time.Advance(TimeSpan.FromTicks(1));
        var (reason, _) = await harness.Handler.Disconnected.WaitForCountAsync(1);
        Assert.Equal(HaDisconnectReason.PingTimeout, reason);
        Assert.Contains(harness.Logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Text.Contains("No pong", StringComparison.Ordinal));

        harness.Server.Resume();
        harness.Time.Advance(InitialDelay);
        await harness.Handler.Connected.WaitForCountAsync(2);
        Assert.Equal(1, harness.Server.ActiveSubscriptionCount);
    }

    [Fact]
    public async Task RunAsync_HealthyServer_PingsKeepTheConnection()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();
        var interval = harness.Options.PingInterval;
        var timeout = harness.Options.PingTimeout;

        // The first ping is due one interval after connecting; each later one, one interval after the previous pong.
        harness.Time.Advance(interval);
        long lastPingId = 0;
        for (var round = 1; round <= 3; round++)
        {
            var previous = lastPingId;
            var ping = await harness.Server.WaitForMessageAsync(m => m.Type == "ping" && m.Id > previous).WaitAsync(TestTimeouts.Safety);
            lastPingId = ping.Id!.Value;

            // A round trip after the ping: its result comes after the pong on the same ordered socket, so the pong
            // has been read (and the deadline disarmed) before the clock moves on.
            await harness.Runner.CallServiceAsync("light", "toggle", null, null, false, CancellationToken.None);

            // Past the pong deadline: a disarmed deadline must not drop the connection.
            harness.Time.Advance(timeout);
            Assert.True(harness.Runner.IsConnected);

            // On to the next ping, without running into its own deadline in the same step (no pong could be read
            // while the fake clock jumps).
            harness.Time.Advance(interval - timeout);
        }

        Assert.True(harness.Runner.IsConnected);
        Assert.Equal(1, harness.Server.ConnectionCount);
        Assert.Equal(3, harness.Server.MessagesReceived.Count(m => m.Type == "ping" && m.Id <= lastPingId));
        Assert.Empty(harness.Handler.Disconnected.Items);
    }

    [Fact]
    public async Task RunAsync_ServerSendsGarbage_ReconnectsInsteadOfCrashing()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        await harness.Server.SendGarbageAsync();
        var (reason, error) = await harness.Handler.Disconnected.WaitForCountAsync(1);
        Assert.Equal(HaDisconnectReason.Error, reason);
        Assert.IsType<HomeAssistantConnectionException>(error);

        harness.Time.Advance(InitialDelay);
        await harness.Handler.Connected.WaitForCountAsync(2);
        Assert.False(harness.RunTask!.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_CoalescedFrames_DecodedInOrder()
    {
        await using var harness = RunnerHarness.Create(configureServer: s => s.CoalesceOutgoing = true);
        await harness.StartAndWaitConnectedAsync();

        harness.Server.Stall();
        for (var i = 0; i < 20; i++)
        {
            harness.Server.SetState("sensor.batch", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        harness.Server.Resume();
        await harness.Handler.StateChanges.WaitForCountAsync(20);

        Assert.True(harness.Server.CoalescedFrameCount > 0);
        Assert.Equal(
            Enumerable.Range(0, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            harness.Handler.StateChanges.Items.Select(c => c.NewState!.State));
    }

    [Fact]
    public async Task DisposeAsync_WhileConnected_StopsRunnerAndReportsCancelled()
    {
        var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        await harness.Runner.DisposeAsync();

        await harness.RunTask!.WaitAsync(TestTimeouts.Safety);
        Assert.Equal(HaDisconnectReason.Cancelled, Assert.Single(harness.Handler.Disconnected.Items).Reason);
        await harness.DisposeAsync();
    }

    private static Task WaitForConnectionCountAsync(RunnerHarness harness, int count) =>
        harness.Server.WaitForConnectionAsync(count).WaitAsync(TestTimeouts.Safety);
}
