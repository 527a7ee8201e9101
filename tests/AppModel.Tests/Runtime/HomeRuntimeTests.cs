using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.AppModel.Tests.Support;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.Runtime;

public sealed class HomeRuntimeTests
{
    [Fact]
    public async Task StateChanged_ManyEvents_ReachAppInWireOrder()
    {
        await using var fixture = new RuntimeFixture([typeof(RecorderApp)]);
        var sink = await fixture.StartAsync();
        sink.Connected([ScriptedBackend.State("sensor.t", "0", 0)]);
        await fixture.AppStateAsync("recorder", AppRunState.Running);

        for (var i = 1; i <= 500; i++)
        {
            sink.StateChanged(ScriptedBackend.Change("sensor.t", (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i.ToString(System.Globalization.CultureInfo.InvariantCulture), i));
        }

        await Signal.UntilAsync(() => fixture.Probe.SeenBy("recorder").Count == 500, "500 events");
        var states = fixture.Probe.SeenBy("recorder").Select(c => int.Parse(c.New!.State!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 500), states);
        Assert.Equal("500", fixture.Runtime.GetState("sensor.t")!.State);
    }

    [Fact]
    public async Task StateChanged_WhileAppConstructorRuns_IsDeliveredOnceItSubscribed()
    {
        await using var fixture = new RuntimeFixture([typeof(SlowStartApp)]);
        var sink = await fixture.StartAsync();
        sink.Connected([ScriptedBackend.State("sensor.t", "0", 0)]);
        await Signal.UntilAsync(() => fixture.Probe.Lifecycle.Contains("slow_start:read:0"), "the constructor read the cache");

        sink.StateChanged(ScriptedBackend.Change("sensor.t", "0", "1", 1));
        fixture.Probe.Gate.Release();

        await Signal.UntilAsync(() => fixture.Probe.SeenBy("slow_start").Count == 1, "the change made while the app started");
        Assert.Equal("1", fixture.Probe.SeenBy("slow_start")[0].New!.State);
    }

    [Fact]
    public async Task Start_OneAppConstructorThrows_OthersRunAndErrorIsLoggedWithAppName()
    {
        await using var fixture = new RuntimeFixture([typeof(BrokenConstructorApp), typeof(RecorderApp)]);
        var sink = await fixture.StartAsync();
        sink.Connected([]);
        await fixture.AppStateAsync("recorder", AppRunState.Running);
        await fixture.AppStateAsync("broken_ctor", AppRunState.Error);

        var status = fixture.Runtime.Apps.Single(a => a.Id == "broken_ctor");
        Assert.Equal("constructor bug", status.LastError);
        Assert.Contains(fixture.Logs.AtLeast(LogLevel.Error), l => l.Message.Contains("broken_ctor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StateChanged_HandlerThrows_ThatAppKeepsReceivingAndOtherAppsToo()
    {
        await using var fixture = new RuntimeFixture([typeof(ThrowingHandlerApp), typeof(RecorderApp)]);
        var sink = await fixture.StartAsync();
        sink.Connected([]);
        await fixture.AppStateAsync("thrower", AppRunState.Running);
        await fixture.AppStateAsync("recorder", AppRunState.Running);

        sink.StateChanged(ScriptedBackend.Change("binary_sensor.leak", "off", "on", 1));
        sink.StateChanged(ScriptedBackend.Change("binary_sensor.leak", "on", "off", 2));

        await Signal.UntilAsync(() => fixture.Probe.SeenBy("thrower").Count == 2 && fixture.Probe.SeenBy("recorder").Count == 2, "both apps saw both");
        Assert.Equal(2, fixture.Logs.AtLeast(LogLevel.Error).Count(l => l.Message.Contains("App thrower", StringComparison.Ordinal)));
        Assert.Equal(AppRunState.Running, fixture.Runtime.Apps.Single(a => a.Id == "thrower").State);
    }

    [Fact]
    public async Task BackendGivesUp_DependentAppsStopSafetyAppsRunAndTheRuntimeStaysUp()
    {
        await using var fixture = new RuntimeFixture([typeof(RecorderApp), typeof(SafetyApp)]);
        var sink = await fixture.StartAsync();
        sink.Connected([ScriptedBackend.State("sensor.t", "20", 0)]);
        await fixture.AppStateAsync("recorder", AppRunState.Running);
        await fixture.AppStateAsync("safety", AppRunState.Running);

        fixture.Backend.Fail(new InvalidOperationException("the token was rejected"));

        await fixture.AppStateAsync("recorder", AppRunState.Stopped);
        Assert.Equal(AppRunState.Running, fixture.Runtime.Apps.Single(a => a.Id == "safety").State);
        Assert.False(fixture.Runtime.IsConnected);
        Assert.Contains("the token was rejected", fixture.Runtime.LastDisconnectReason, StringComparison.Ordinal);
        Assert.Contains(fixture.Logs.AtLeast(LogLevel.Critical), l => l.Message.Contains("will not be retried", StringComparison.Ordinal));
        Assert.False(fixture.RunTask.IsCompleted);
    }

    [Fact]
    public async Task Disconnected_StopsDependentAppsKeepsSafetyApps_ReconnectResyncsAndRestarts()
    {
        await using var fixture = new RuntimeFixture([typeof(RecorderApp), typeof(SafetyApp)]);
        var sink = await fixture.StartAsync();
        await fixture.AppStateAsync("safety", AppRunState.Running); // runs before HA is even there
        sink.Connected([ScriptedBackend.State("sensor.t", "20", 0), ScriptedBackend.State("sensor.gone", "1", 0)]);
        await fixture.AppStateAsync("recorder", AppRunState.Running);

        sink.Disconnected("socket dropped");
        await fixture.AppStateAsync("recorder", AppRunState.Stopped);
        Assert.False(fixture.Runtime.IsConnected);
        Assert.Equal(AppRunState.Running, fixture.Runtime.Apps.Single(a => a.Id == "safety").State);

        // The safety app saw both entities appear on the first connect.
        await Signal.UntilAsync(() => fixture.Probe.SeenBy("safety").Count == 2, "first snapshot");

        // While away, sensor.t changed and sensor.gone was removed: the resync tells the safety app.
        sink.Connected([ScriptedBackend.State("sensor.t", "18", 5)]);
        await fixture.AppStateAsync("recorder", AppRunState.Running);
        await Signal.UntilAsync(() => fixture.Probe.SeenBy("safety").Count == 4, "resync differences");
        var seen = fixture.Probe.SeenBy("safety").Skip(2).ToList();
        Assert.Contains(seen, c => c.EntityId == "sensor.t" && c.Old!.State == "20" && c.New!.State == "18");
        Assert.Contains(seen, c => c.EntityId == "sensor.gone" && c.New is null);
        var lifecycle = fixture.Probe.Lifecycle.ToList();
        Assert.Equal(2, lifecycle.Count(l => l == "recorder:start:default"));
        Assert.Equal(1, lifecycle.Count(l => l == "recorder:stop"));
        Assert.Equal(1, lifecycle.Count(l => l == "safety:start"));
    }

    [Fact]
    public async Task SetEnabled_Off_StopsAppAndIsRememberedAcrossRestart()
    {
        var store = new MemorySwitchStore();
        await using (var fixture = new RuntimeFixture([typeof(RecorderApp)], store))
        {
            var sink = await fixture.StartAsync();
            sink.Connected([]);
            await fixture.AppStateAsync("recorder", AppRunState.Running);

            await fixture.Runtime.SetEnabledAsync("recorder", false, CancellationToken.None);

            Assert.Equal(AppRunState.Disabled, fixture.Runtime.Apps.Single().State);
            Assert.False(store.Saved["recorder"]);
        }

        await using var restarted = new RuntimeFixture([typeof(RecorderApp)], store);
        var sink2 = await restarted.StartAsync();
        sink2.Connected([]);
        sink2.StateChanged(ScriptedBackend.Change("sensor.t", "1", "2", 1));
        await Signal.UntilAsync(() => restarted.Runtime.EventsReceived == 1, "event processed");
        Assert.Equal(AppRunState.Disabled, restarted.Runtime.Apps.Single().State);
        Assert.Empty(restarted.Probe.SeenBy("recorder"));

        await restarted.Runtime.SetEnabledAsync("recorder", true, CancellationToken.None);
        Assert.Equal(AppRunState.Running, restarted.Runtime.Apps.Single().State);
    }

    [Fact]
    public async Task SetEnabled_UnknownApp_ThrowsNamingTheKnownApps()
    {
        await using var fixture = new RuntimeFixture([typeof(RecorderApp)]);
        await fixture.StartAsync();
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Runtime.SetEnabledAsync("nope", true, CancellationToken.None));
        Assert.Contains("recorder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateChanged_SlowAppQueueFull_DropsOldestAndCountsWhileOtherAppGetsAll()
    {
        await using var fixture = new RuntimeFixture([typeof(SlowApp), typeof(RecorderApp)], queueCapacity: 16);
        var sink = await fixture.StartAsync();
        sink.Connected([]);
        await fixture.AppStateAsync("slow", AppRunState.Running);
        await fixture.AppStateAsync("recorder", AppRunState.Running);

        // Bursts of 8 (half the queue), each drained by the fast app before the next: only the blocked app overflows.
        for (var i = 1; i <= 200; i++)
        {
            sink.StateChanged(ScriptedBackend.Change("sensor.t", "a", i.ToString(System.Globalization.CultureInfo.InvariantCulture), i));
            if (i % 8 == 0)
            {
                var seen = i;
                await Signal.UntilAsync(() => fixture.Probe.SeenBy("recorder").Count == seen, $"fast app saw {seen}");
            }
        }

        var slow = fixture.Runtime.Apps.Single(a => a.Id == "slow");
        Assert.InRange(slow.DroppedEvents, 200 - 16 - 1, 200 - 16);
        Assert.Contains(fixture.Logs.AtLeast(LogLevel.Error), l => l.Message.Contains("App slow: dropped", StringComparison.Ordinal));
        fixture.Probe.Gate.Release(1000);
        // The newest event survives the drops: it is the one the slow app sees last.
        await Signal.UntilAsync(() => fixture.Probe.SeenBy("slow") is { Count: > 0 } s && s[^1].New?.State == "200", "slow app caught up with the newest");
    }

    [Fact]
    public async Task StateChanged_SafetyAppFarBehind_KeepsEveryEvent_InOrder_AndWarns()
    {
        await using var fixture = new RuntimeFixture([typeof(SlowSafetyApp)], queueCapacity: 16);
        var sink = await fixture.StartAsync();
        sink.Connected([]);
        await fixture.AppStateAsync("slow_safety", AppRunState.Running);

        // The app is stuck in its first event's handler while 200 more arrive: twelve times its queue's bound.
        sink.StateChanged(ScriptedBackend.Change("binary_sensor.leak", "off", "on", 0));
        for (var i = 1; i <= 200; i++)
        {
            sink.StateChanged(ScriptedBackend.Change("sensor.power", "a", i.ToString(System.Globalization.CultureInfo.InvariantCulture), i));
        }

        Assert.Contains(fixture.Logs.AtLeast(LogLevel.Warning), l => l.Message.Contains("as a safety app it keeps every event", StringComparison.Ordinal));
        fixture.Probe.Gate.Release(1000);
        await Signal.UntilAsync(() => fixture.Probe.SeenBy("slow_safety").Count == 201, "the safety app saw every event");
        var seen = fixture.Probe.SeenBy("slow_safety");
        Assert.Equal("binary_sensor.leak", seen[0].EntityId);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), seen.Skip(1).Select(c => c.New!.State));
        Assert.Equal(0, fixture.Runtime.Apps.Single().DroppedEvents);
        Assert.DoesNotContain(fixture.Logs.AtLeast(LogLevel.Error), l => l.Message.Contains("dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppConfig_OptionsProviderGivesBoundOptions()
    {
        await using var fixture = new RuntimeFixture([typeof(RecorderApp)], options: new FixedOptions());
        var sink = await fixture.StartAsync();
        sink.Connected([]);
        await fixture.AppStateAsync("recorder", AppRunState.Running);
        Assert.Contains("recorder:start:from-config", fixture.Probe.Lifecycle);
    }

    private sealed class FixedOptions : IAppOptionsProvider
    {
        public object GetOptions(string appId, Type optionsType) => new RecorderOptions { Label = "from-config" };
    }

    private sealed class MemorySwitchStore : IAppSwitchStore
    {
        public Dictionary<string, bool> Saved { get; } = [];

        public Task<IReadOnlyDictionary<string, bool>> LoadAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, bool>>(new Dictionary<string, bool>(Saved));

        public Task SaveAsync(string appId, bool enabled, CancellationToken cancellationToken)
        {
            Saved[appId] = enabled;
            return Task.CompletedTask;
        }
    }
}
