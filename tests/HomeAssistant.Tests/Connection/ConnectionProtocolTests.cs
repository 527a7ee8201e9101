using System.Text.Json;
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

        Assert.Equal("invalid_format", error.Code);
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
