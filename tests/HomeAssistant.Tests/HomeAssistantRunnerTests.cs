using Microsoft.Extensions.Logging;
using ProofOfHeat.HomeAssistant.Tests.Support;
using ProofOfHeat.TestKit.HomeAssistant;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests;

public sealed class HomeAssistantRunnerTests
{
    [Fact]
    public async Task RunAsync_ValidToken_DeliversSnapshotAfterSubscribing()
    {
        await using var harness = RunnerHarness.Create();

        var (config, states) = await harness.StartAndWaitConnectedAsync();

        Assert.True(config.IsRunning);
        Assert.Equal("Europe/Amsterdam", config.TimeZone);
        var flow = Assert.Single(states, s => s.EntityId == "sensor.flow_temp");
        Assert.Equal("41.5", flow.State);
        Assert.Equal("°C", flow.Attributes.GetProperty("unit_of_measurement").GetString());
        Assert.True(harness.Runner.IsConnected);
        Assert.Equal("2026.4.0", harness.Runner.CurrentConnection!.HaVersion);

        var types = harness.Server.MessagesReceived.Where(m => m.Connection == 1).Select(m => m.Type).ToList();
        Assert.Equal(["auth", "supported_features", "get_config", "subscribe_events", "get_states"], types);
        Assert.Equal(1, harness.Server.MessagesReceived.Single(m => m.Type == "supported_features").Id);
        Assert.Equal(1, harness.Server.ActiveSubscriptionCount);
    }

    [Fact]
    public async Task RunAsync_InvalidToken_ThrowsAuthenticationExceptionAndNeverRetries()
    {
        const string badToken = "definitely-not-a-valid-token-123";
        await using var harness = RunnerHarness.Create(token: badToken);
        await harness.StartAsync();

        await Assert.ThrowsAsync<HomeAssistantAuthenticationException>(() => harness.RunTask!.WaitAsync(TestTimeouts.Safety));
        harness.Time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, harness.Server.ConnectionCount);
        var (reason, _) = Assert.Single(harness.Handler.Disconnected.Items);
        Assert.Equal(HaDisconnectReason.Unauthorized, reason);
        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("long-lived access token", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Text.Contains(badToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_AnyLogLevel_NeverLogsTheToken()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        Assert.NotEmpty(harness.Logger.Entries);
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Text.Contains(FakeHomeAssistant.ValidToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnStateChanged_ThousandChanges_ArriveInWireOrder()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        for (var i = 0; i < 1000; i++)
        {
            harness.Server.SetState("sensor.counter", i.ToString(System.Globalization.CultureInfo.InvariantCulture), new { step = i });
        }

        await harness.Handler.StateChanges.WaitForCountAsync(1000);
        var changes = harness.Handler.StateChanges.Items;
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), changes[i].NewState!.State);
            Assert.Equal(i, changes[i].NewState!.Attributes.GetProperty("step").GetInt32());
        }

        Assert.Null(changes[0].OldState);
        Assert.Equal("0", changes[1].OldState!.State);
    }

    [Fact]
    public async Task OnStateChanged_EntityRemoved_NewStateIsNull()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        harness.Server.RemoveEntity("valve.main_water");

        var change = await harness.Handler.StateChanges.WaitForCountAsync(1);
        Assert.Equal("valve.main_water", change.EntityId);
        Assert.Null(change.NewState);
        Assert.Equal("open", change.OldState!.State);
    }

    [Fact]
    public async Task OnEvent_OtherSubscribedType_IsDelivered()
    {
        await using var harness = RunnerHarness.Create(configure: o => new HomeAssistantClientOptions
        {
            WebSocketUri = o.WebSocketUri,
            AccessToken = o.AccessToken,
            EventTypes = ["state_changed", "poh_test_event"],
        });
        await harness.StartAndWaitConnectedAsync();

        harness.Server.FireEvent("poh_test_event", new { answer = 42 });
        harness.Server.FireEvent("not_subscribed", new { answer = 0 });
        harness.Server.SetState("sensor.flow_temp", "42.0");

        await harness.Handler.StateChanges.WaitForCountAsync(1);
        var haEvent = Assert.Single(harness.Handler.Events.Items);
        Assert.Equal("poh_test_event", haEvent.EventType);
        Assert.Equal(42, haEvent.Data.GetProperty("answer").GetInt32());
        Assert.Equal(2, harness.Server.ActiveSubscriptionCount);
    }

    [Fact]
    public async Task CallServiceAsync_NotConnected_ThrowsNotConnected()
    {
        await using var harness = RunnerHarness.Create();

        await Assert.ThrowsAsync<HomeAssistantNotConnectedException>(
            () => harness.Runner.CallServiceAsync("light", "turn_on", null, null, false, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_HaBefore2022_9_SkipsSupportedFeatures()
    {
        await using var harness = RunnerHarness.Create(configureServer: s => s.HaVersion = "2022.8.7");
        await harness.StartAndWaitConnectedAsync();

        var commands = harness.Server.MessagesReceived.Where(m => m.Type != "auth").ToList();
        Assert.DoesNotContain(commands, m => m.Type == "supported_features");
        Assert.Equal(("get_config", 1L), (commands[0].Type, commands[0].Id!.Value));
    }
}
