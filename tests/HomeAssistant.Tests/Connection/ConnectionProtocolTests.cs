using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ProofOfHeat.HomeAssistant.Codec;
using ProofOfHeat.HomeAssistant.Tests.Support;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests.Connection;

/// <summary>Ordering, error and fault rules of one connection, against the fake HA.</summary>
public sealed class ConnectionProtocolTests
{
    [Fact]
    public async Task RunAsync_ChangeJustBeforeSubscribing_IsInTheSnapshot()
    {
        await using var harness = RunnerHarness.Create();

        // Changes after this point reach no subscription yet: only a snapshot taken after subscribing can show it.
        harness.Server.BeforeCommand("subscribe_events", () => harness.Server.SetState("binary_sensor.leak_kitchen", "on"));
        var (_, states) = await harness.StartAndWaitConnectedAsync();

        Assert.Equal("on", states.Single(s => s.EntityId == "binary_sensor.leak_kitchen").State);
    }

    [Fact]
    public async Task RunAsync_ChangeBetweenSubscribeAndSnapshot_DeliveredOnceThroughTheSnapshot()
    {
        await using var harness = RunnerHarness.Create();
        harness.Server.BeforeCommand("get_states", () => harness.Server.SetState("sensor.flow_temp", "50.0"));
        var (_, states) = await harness.StartAndWaitConnectedAsync();
        harness.Server.BeforeCommand("get_states", null);

        // Its event arrived before the snapshot (which already holds it), so it is not replayed after the snapshot.
        Assert.Equal("50.0", states.Single(s => s.EntityId == "sensor.flow_temp").State);
        harness.Server.SetState("sensor.flow_temp", "51.0");
        var change = await harness.Handler.StateChanges.WaitForCountAsync(1);
        Assert.Equal(("50.0", "51.0"), (change.OldState!.State, change.NewState!.State));
        Assert.Single(harness.Handler.StateChanges.Items);
        Assert.Contains(harness.Logger.Entries, e => e.Text.Contains("Ignored 1 event(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendCommandAsync_SchemaViolation_ThrowsInvalidFormat()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        var error = await Assert.ThrowsAsync<HomeAssistantCommandException>(() => harness.Runner.CurrentConnection!.SendCommandAsync(
            "call_service",
            new Dictionary<string, object?> { ["domain"] = 5, ["service"] = "turn_on" },
            CancellationToken.None));

        Assert.Equal(HaErrorCodes.InvalidFormat, error.Code);
        Assert.False(error.IsTransient);
        Assert.True(harness.Runner.IsConnected);
    }

    [Fact]
    public async Task CallServiceAsync_NoAnswerWithinRequestTimeout_ThrowsTransientTimeout()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();
        harness.Server.Stall();

        var call = harness.Runner.CallServiceAsync("light", "turn_on", HaTarget.ForEntities("light.hall"), null, false, CancellationToken.None);
        await harness.Server.WaitForServiceCallAsync(c => c.Service == "turn_on").WaitAsync(TestTimeouts.Safety);
        harness.Time.Advance(harness.Options.RequestTimeout);

        var error = await Assert.ThrowsAsync<HomeAssistantCommandException>(() => call.WaitAsync(TestTimeouts.Safety));
        Assert.Equal(HomeAssistantCommandException.TimeoutCode, error.Code);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task RunAsync_SocketAbortedUnderPendingReceive_ReportsErrorAndReconnects()
    {
        var transports = new List<FaultInjectingTransport>();
        await using var harness = RunnerHarness.Create(transportFactory: () =>
        {
            var transport = new FaultInjectingTransport();
            lock (transports)
            {
                transports.Add(transport);
            }

            return transport;
        });
        await harness.StartAndWaitConnectedAsync();

        // ClientWebSocket throws OperationCanceledException("Aborted") when its socket dies under a receive; that must
        // end this connection as an error, not fault the read loop and with it the runner's reconnect loop.
        transports[0].AbortPendingReceive();
        var (reason, error) = await harness.Handler.Disconnected.WaitForCountAsync(1);
        Assert.Equal(HaDisconnectReason.Error, reason);
        Assert.IsType<HomeAssistantConnectionException>(error);

        harness.Time.Advance(harness.Options.ReconnectInitialDelay);
        await harness.Handler.Connected.WaitForCountAsync(2);
        Assert.False(harness.RunTask!.IsCompleted);
        Assert.Equal(1, harness.Server.ActiveSubscriptionCount);
    }

    [Fact]
    public async Task RunAsync_MalformedGetConfigAnswer_RetriedLikeAnyBrokenConnection()
    {
        await using var harness = RunnerHarness.Create(configureServer: s => s.OverrideResult("get_config", () => null));
        await harness.StartAsync();

        var (reason, error) = await harness.Handler.Disconnected.WaitForCountAsync(1);
        Assert.Equal(HaDisconnectReason.Error, reason);
        Assert.Contains("malformed answer to get_config", error!.Message, StringComparison.Ordinal);

        harness.Server.OverrideResult("get_config", null);
        harness.Time.Advance(harness.Options.ReconnectInitialDelay);
        await harness.Handler.Connected.WaitForCountAsync(1);
        Assert.False(harness.RunTask!.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_OneUnreadableStateInSnapshot_SkippedAndLoggedOthersKept()
    {
        await using var harness = RunnerHarness.Create(configureServer: s => s.OverrideResult("get_states", () => new JsonArray(
            new JsonObject
            {
                ["entity_id"] = "sensor.ok",
                ["state"] = "1",
                ["attributes"] = new JsonObject(),
                ["last_changed"] = "2026-01-05T06:00:00.000000+00:00",
                ["last_updated"] = "2026-01-05T06:00:00.000000+00:00",
            },
            new JsonObject { ["state"] = "no entity id" },
            42)));

        var (_, states) = await harness.StartAndWaitConnectedAsync();

        Assert.Equal("sensor.ok", Assert.Single(states).EntityId);
        Assert.Equal(2, harness.Logger.Entries.Count(e => e.Level == LogLevel.Warning && e.Text.Contains("cannot read", StringComparison.Ordinal)));
        Assert.Empty(harness.Handler.Disconnected.Items);
    }

    [Fact]
    public async Task GetStatesAsync_MalformedAnswer_ThrowsConnectionException()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();
        harness.Server.OverrideResult("get_states", () => new JsonObject { ["not"] = "an array" });

        var error = await Assert.ThrowsAsync<HomeAssistantConnectionException>(
            () => harness.Runner.CurrentConnection!.GetStatesAsync(CancellationToken.None));

        Assert.IsType<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("""{"id":3,"type":"result","success":false,"error":{"code":"service_validation_error","message":"Bad","translation_key":"bad_value","translation_domain":"climate"}}""", "service_validation_error", "Bad", "bad_value")]
    [InlineData("""{"id":3,"type":"result","success":false,"error":{"code":42,"message":"Odd"}}""", "42", "Odd", null)]
    [InlineData("""{"id":3,"type":"result","success":false}""", "unknown_error", "Home Assistant reported a failure without an error object.", null)]
    public void TryReadResult_Failure_KeepsCodeMessageAndTranslationKey(string json, string code, string message, string? translationKey)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(HaMessageDecoder.TryReadResult(document.RootElement, out _, out var error));

        Assert.Equal((code, message, translationKey), (error!.Code, error.Message, error.TranslationKey));
    }

    [Fact]
    public async Task RunAsync_TraceLogging_ShowsTrafficButNeverTheToken()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Trace && e.Text.Contains("token redacted", StringComparison.Ordinal));
        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Trace && e.Text.Contains("TX >>> get_states", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Text.Contains(harness.Options.AccessToken, StringComparison.Ordinal));
    }
}
