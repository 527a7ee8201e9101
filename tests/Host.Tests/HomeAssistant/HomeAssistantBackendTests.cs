using System.Globalization;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.TestKit.HomeAssistant;

namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>Fake HA → client → backend → runtime → apps, while connected: states, order, faulty apps, service calls.</summary>
public sealed class HomeAssistantBackendTests
{
    [Fact]
    public async Task Connect_InitialStates_CachedForApps()
    {
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp)]);
        await brain.StartAndWaitForAppsAsync("recorder");

        var ha = brain.ContextOf("recorder");
        var flow = ha.GetState("sensor.flow_temp");
        Assert.Equal("41.5", flow!.State);
        Assert.Equal(41.5, flow.AsNumber());
        Assert.Equal("°C", flow.Attribute("unit_of_measurement")!.Value.GetString());
        Assert.Equal(brain.Server.EntityCount, ha.GetAllEntities().Count);
        Assert.Equal("2026.4.0", brain.Backend.HaVersion);
        Assert.True(brain.Runtime.IsConnected);
    }

    [Fact]
    public async Task StateChanged_ManyChanges_ReachAppsInWireOrder()
    {
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp)]);
        await brain.StartAndWaitForAppsAsync("recorder");

        // The first half piles up while HA's writer is held, so it leaves as coalesced JSON-array frames.
        brain.Server.Stall();
        for (var i = 0; i < 300; i++)
        {
            brain.Server.SetState("sensor.counter", i.ToString(CultureInfo.InvariantCulture), new { step = i });
            if (i == 149)
            {
                brain.Server.Resume();
            }
        }

        var seen = await brain.Probe.ChangesSeenBy("recorder").WaitForCountAsync(c => c.EntityId == "sensor.counter", 300, "counter changes");
        Assert.Equal(Enumerable.Range(0, 300), seen.Select(c => int.Parse(c.New!.State!, CultureInfo.InvariantCulture)));
        Assert.Equal(Enumerable.Range(0, 300), seen.Select(c => (int)c.New!.NumericAttribute("step")!.Value));
        Assert.Null(seen[0].Old);
        Assert.Equal("0", seen[1].Old!.State);
        Assert.Equal("299", brain.ContextOf("recorder").GetState("sensor.counter")!.State);
        Assert.True(brain.Server.CoalescedFrameCount > 0);
    }

    [Fact]
    public async Task ThrowingApps_ConstructorAndHandler_StopNeitherOtherAppsNorTheClient()
    {
        await using var brain = new HaBrainHarness([typeof(ThrowingConstructorTestApp), typeof(ThrowingHandlerTestApp), typeof(RecorderTestApp)]);
        await brain.StartAndWaitForAppsAsync("broken", "thrower", "recorder");
        await brain.Logs.Lines.WaitForAsync(
            l => l.Level == LogLevel.Error && l.Message.Contains("broken", StringComparison.Ordinal) && l.Exception?.Message == "constructor bug in broken",
            "the constructor failure logged with the app's name");

        brain.Server.SetState("binary_sensor.leak_kitchen", "on");
        brain.Server.SetState("binary_sensor.leak_kitchen", "off");

        await brain.Probe.ChangesSeenBy("thrower").WaitForCountAsync(_ => true, 2, "thrower keeps receiving");
        var recorded = await brain.Probe.ChangesSeenBy("recorder").WaitForCountAsync(_ => true, 2, "recorder receives");
        Assert.Equal(["on", "off"], recorded.Select(c => c.New!.State));
        await brain.Logs.Lines.WaitForCountAsync(
            l => l.Level == LogLevel.Error && l.Message.Contains("App thrower", StringComparison.Ordinal), 2, "each handler failure logged");

        // The client is untouched: same connection, and it still carries calls.
        await brain.ContextOf("recorder").CallServiceAsync(new ServiceCall("light", "turn_on", ServiceTarget.Entities("light.hall"), null));
        Assert.Equal((1, 1), (brain.Server.ConnectionCount, brain.Server.ActiveConnectionCount));
        Assert.DoesNotContain(brain.Logs.Lines.Items, l => l.Message.Contains("Disconnected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallServiceAsync_ReturnResponse_SentWithTargetAndResponseReturned()
    {
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp)]);
        brain.Server.RegisterService(
            "weather",
            "get_forecasts",
            call => FakeServiceOutcome.WithResponse(new Dictionary<string, object>
            {
                [call.TargetEntityIds[0]] = new { forecast = new[] { new { temperature = -3.5 } } },
            }),
            FakeResponseSupport.Only);
        await brain.StartAndWaitForAppsAsync("recorder");

        var response = await brain.ContextOf("recorder").CallServiceAsync(
            new ServiceCall("weather", "get_forecasts", ServiceTarget.Entities("weather.home"), new { type = "hourly" }, ReturnResponse: true));

        Assert.Equal(-3.5, response!.Value.GetProperty("weather.home").GetProperty("forecast")[0].GetProperty("temperature").GetDouble());
        var call = Assert.Single(brain.Server.ServiceCalls);
        Assert.Equal(["weather.home"], call.TargetEntityIds);
        Assert.Equal("hourly", call.ServiceData!["type"]!.GetValue<string>());
        Assert.True(call.ReturnResponse);
    }

    [Theory]
    [InlineData("nope", "nothing", false, "not_found", "Service nope.nothing not found.")]
    [InlineData("valve", "close_valve", false, "home_assistant_error", "Valve is jammed")]
    [InlineData("light", "turn_on", true, "service_validation_error", "return_response")]
    public async Task CallServiceAsync_HaRefuses_ServiceCallExceptionWithHasCode(
        string domain, string service, bool returnResponse, string code, string messagePart)
    {
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp)]);
        brain.Server.RegisterService("valve", "close_valve", _ => FakeServiceOutcome.Error("home_assistant_error", "Valve is jammed"));
        await brain.StartAndWaitForAppsAsync("recorder");

        var error = await Assert.ThrowsAsync<ServiceCallException>(() => brain.ContextOf("recorder").CallServiceAsync(
            new ServiceCall(domain, service, ServiceTarget.Entities("valve.main_water"), null, returnResponse)));

        Assert.Equal(code, error.Code);
        Assert.Contains($"{domain}.{service}", error.Message, StringComparison.Ordinal);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.True(brain.Runtime.IsConnected);
    }

    [Fact]
    public async Task CallService_FireAndForgetFailure_LoggedWithTheAppsName()
    {
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp)]);
        await brain.StartAndWaitForAppsAsync("recorder");

        brain.ContextOf("recorder").CallService("nope", "nothing");

        var line = await brain.Logs.Lines.WaitForAsync(
            l => l.Level == LogLevel.Warning && l.Message.Contains("App recorder: service call nope.nothing failed", StringComparison.Ordinal),
            "the failed fire-and-forget call in the log");
        Assert.Equal("not_found", Assert.IsType<ServiceCallException>(line.Exception).Code);
    }

    [Fact]
    public async Task Backend_Logs_NeverContainTheToken()
    {
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp)]);
        await brain.StartAndWaitForAppsAsync("recorder");

        Assert.Contains(brain.Logs.Lines.Items, l => l.Message.Contains("token redacted", StringComparison.Ordinal));
        Assert.DoesNotContain(brain.Logs.Lines.Items, l => l.Message.Contains(FakeHomeAssistant.ValidToken, StringComparison.Ordinal));
    }
}
