using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Host.HomeAssistant;

namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>Fake HA → client → backend → runtime → apps across connection loss, HA restarts and a rejected token.</summary>
public sealed class HomeAssistantBackendReconnectTests
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task SocketDropped_Reconnects_AppsSeeWhatChangedMeanwhile_OneSubscription()
    {
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp), typeof(SafetyTestApp)]);
        await brain.StartAndWaitForAppsAsync("recorder", "safety");

        await brain.Server.DropConnectionsAsync();
        await brain.Probe.Stopped.WaitForAsync(id => id == "recorder", "recorder stopped while HA is away");

        // While we are blind: a leak starts, and calls fail fast with a clear code.
        brain.Server.SetState("binary_sensor.leak_kitchen", "on");
        var notConnected = await Assert.ThrowsAsync<ServiceCallException>(() => brain.ContextOf("safety").CallServiceAsync(
            new ServiceCall("valve", "close_valve", ServiceTarget.Entities("valve.main_water"), null)));
        Assert.Equal("not_connected", notConnected.Code);

        brain.Time.Advance(FirstBackoff);
        await brain.Probe.Started.WaitForCountAsync(id => id == "recorder", 2, "recorder restarted after reconnect");

        // The safety app ran on and gets the resync as a change; the restarted app reads the fresh cache.
        // (Its first sight of the entity came with the first snapshot, as a change from nothing.)
        var leak = await brain.Probe.ChangesSeenBy("safety").WaitForAsync(
            c => c.EntityId == "binary_sensor.leak_kitchen" && c.Old is not null, "the leak, learnt from the resync");
        Assert.Equal(("off", "on"), (leak.Old!.State, leak.New!.State));
        Assert.Equal("on", brain.ContextOf("recorder").GetState("binary_sensor.leak_kitchen")!.State);

        Assert.Equal(2, brain.Server.ConnectionCount);
        Assert.Equal(1, brain.Server.ActiveSubscriptionCount);
        Assert.Single(brain.Server.MessagesReceived, m => m.Connection == 2 && m.Type == "subscribe_events");

        // Live changes after the reconnect arrive once each (a duplicate subscription would deliver them twice).
        brain.Server.SetState("sensor.flow_temp", "39.0");
        brain.Server.SetState("sun.sun", "above_horizon");
        var seen = brain.Probe.ChangesSeenBy("recorder");
        await seen.WaitForAsync(c => c.EntityId == "sun.sun", "the marker change");
        Assert.Single(seen.Items, c => c.EntityId == "sensor.flow_temp");
        await brain.ContextOf("safety").CallServiceAsync(new ServiceCall("valve", "close_valve", ServiceTarget.Entities("valve.main_water"), null));
        Assert.Equal(2, Assert.Single(brain.Server.ServiceCalls).Connection);
    }

    [Fact]
    public async Task HaRestart_NotRunningAnswersRetried_AppsBackOnceRunning()
    {
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp)]);
        await brain.StartAndWaitForAppsAsync("recorder");

        await brain.Server.RestartAsync(TimeSpan.FromSeconds(5));
        await brain.Probe.Stopped.WaitForAsync(id => id == "recorder", "recorder stopped by the restart");
        brain.Server.SetState("sensor.flow_temp", "20.0");

        var attempts = 1;
        while (brain.Probe.Started.Items.Count(id => id == "recorder") < 2)
        {
            brain.Time.Advance(FirstBackoff);
            attempts++;
            var restarted = brain.Probe.Started.WaitForCountAsync(id => id == "recorder", 2, "recorder back");
            var disconnected = brain.Logs.Lines.WaitForCountAsync(IsRuntimeDisconnect, attempts, "another failed attempt");
            await await Task.WhenAny(restarted, disconnected);
            Assert.True(attempts < 10, brain.Logs.Dump());
        }

        Assert.Contains(brain.Logs.Lines.Items, l => IsRuntimeDisconnect(l) && l.Message.Contains("NotReady", StringComparison.Ordinal));
        Assert.Equal("20.0", brain.ContextOf("recorder").GetState("sensor.flow_temp")!.State);
        Assert.Equal(1, brain.Server.ActiveSubscriptionCount);
        Assert.DoesNotContain(brain.Logs.Lines.Items, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task HaStalls_PingTimeoutDropsTheConnection_AppsBackAfterReconnect()
    {
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp)]);
        await brain.StartAndWaitForAppsAsync("recorder");

        // HA hangs with the socket open: only the missing pong can tell.
        brain.Server.Stall();
        brain.Time.Advance(brain.Options.PingInterval);
        await brain.Server.WaitForMessageAsync(m => m.Type == "ping").WaitAsync(AwaitableList<int>.Safety);
        brain.Time.Advance(brain.Options.PingTimeout);
        var lost = await brain.Logs.Lines.WaitForAsync(IsRuntimeDisconnect, "the runtime told of the lost connection");
        Assert.Contains("PingTimeout", lost.Message, StringComparison.Ordinal);
        await brain.Probe.Stopped.WaitForAsync(id => id == "recorder", "recorder stopped");

        brain.Server.Resume();
        brain.Time.Advance(FirstBackoff);
        await brain.Probe.Started.WaitForCountAsync(id => id == "recorder", 2, "recorder back");
        Assert.Equal(1, brain.Server.ActiveSubscriptionCount);
    }

    [Fact]
    public async Task BadToken_CriticalLogAndTheRunnerStopsForGood()
    {
        const string badToken = "not-a-valid-token-42";
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp)], token: badToken);
        brain.Start();

        // The runtime outlives the backend (safety apps keep running), so wait for its verdict in the log.
        await brain.Logs.Lines.WaitForAsync(l => l.Level == LogLevel.Critical && l.Message.Contains("will not be retried", StringComparison.Ordinal), "the runtime gave up on HA");
        brain.Time.Advance(TimeSpan.FromHours(1));

        Assert.False(brain.RunTask!.IsCompleted);
        Assert.Contains("stopped for good", brain.Runtime.LastDisconnectReason, StringComparison.Ordinal);
        var critical = Assert.Single(brain.LogsOf<HomeAssistantBackend>(LogLevel.Critical));
        Assert.Contains("rejected the access token", critical.Message, StringComparison.Ordinal);
        Assert.Equal(1, brain.Server.ConnectionCount);
        Assert.Empty(brain.Probe.Started.Items);
        Assert.DoesNotContain(brain.Logs.Lines.Items, l => l.Message.Contains(badToken, StringComparison.Ordinal));
    }

    private static bool IsRuntimeDisconnect(ProofOfHeat.TestKit.Logging.LogLine line) =>
        line.Category == typeof(ProofOfHeat.AppModel.Runtime.HomeRuntime).FullName
        && line.Message.StartsWith("Disconnected from home-assistant", StringComparison.Ordinal);
}
