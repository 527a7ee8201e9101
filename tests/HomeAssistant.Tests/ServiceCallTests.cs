using System.Text.Json;
using ProofOfHeat.HomeAssistant.Tests.Support;
using ProofOfHeat.TestKit.HomeAssistant;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests;

public sealed class ServiceCallTests
{
    [Fact]
    public async Task CallServiceAsync_TargetAndData_RecordedByServer()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        var result = await harness.Runner.CallServiceAsync(
            "climate",
            "set_temperature",
            new HaTarget { EntityIds = ["climate.living_room"], AreaIds = ["living_room"] },
            new { temperature = 21.5, hvac_mode = "heat" },
            returnResponse: false,
            CancellationToken.None);

        var call = Assert.Single(harness.Server.ServiceCalls);
        Assert.Equal(("climate", "set_temperature"), (call.Domain, call.Service));
        Assert.Equal(["climate.living_room"], call.TargetEntityIds);
        Assert.Equal("living_room", call.Target!["area_id"]![0]!.GetValue<string>());
        Assert.Equal(21.5, call.ServiceData!["temperature"]!.GetValue<double>());
        Assert.Equal("heat", call.ServiceData!["hvac_mode"]!.GetValue<string>());
        Assert.False(call.ReturnResponse);
        Assert.NotNull(result.Context);
        Assert.Null(result.Response);
    }

    [Fact]
    public async Task CallServiceAsync_RecordData_FieldsAreSnakeCase_DictionaryAndJsonElementAsGiven()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        await harness.Runner.CallServiceAsync(
            "climate", "set_hvac_mode", null, new HvacModeData("climate.living_room", "heat", BrightnessPct: null), false, CancellationToken.None);
        await harness.Runner.CallServiceAsync(
            "light", "turn_on", null, new Dictionary<string, object> { ["EntityId"] = "light.hall", ["brightness_pct"] = 40 }, false, CancellationToken.None);
        await harness.Runner.CallServiceAsync(
            "light", "turn_off", null, JsonSerializer.SerializeToElement(new { EntityId = "light.hall" }), false, CancellationToken.None);

        var calls = harness.Server.ServiceCalls;
        Assert.Equal(3, calls.Count);
        var record = calls[0].ServiceData!;
        Assert.Equal(["entity_id", "hvac_mode"], record.Select(p => p.Key));
        Assert.Equal("climate.living_room", record["entity_id"]!.GetValue<string>());
        Assert.Equal("heat", record["hvac_mode"]!.GetValue<string>());
        Assert.Equal(["EntityId", "brightness_pct"], calls[1].ServiceData!.Select(p => p.Key));
        Assert.Equal(["EntityId"], calls[2].ServiceData!.Select(p => p.Key));
    }

    /// <summary>Service data as an app writes it in C#: PascalCase properties, an optional field left null.</summary>
    private sealed record HvacModeData(string EntityId, string HvacMode, int? BrightnessPct);

    [Fact]
    public async Task CallServiceAsync_ReturnResponse_ReturnsServiceResponse()
    {
        await using var harness = RunnerHarness.Create(configureServer: s => s.RegisterService(
            "weather",
            "get_forecasts",
            call => FakeServiceOutcome.WithResponse(new Dictionary<string, object>
            {
                [call.TargetEntityIds[0]] = new { forecast = new[] { new { temperature = -3.5, condition = "snowy" } } },
            }),
            FakeResponseSupport.Only));
        await harness.StartAndWaitConnectedAsync();

        var result = await harness.Runner.CallServiceAsync(
            "weather", "get_forecasts", HaTarget.ForEntities("weather.home"), new { type = "hourly" }, true, CancellationToken.None);

        var forecast = result.Response!.Value.GetProperty("weather.home").GetProperty("forecast")[0];
        Assert.Equal(-3.5, forecast.GetProperty("temperature").GetDouble());
        Assert.True(Assert.Single(harness.Server.ServiceCalls).ReturnResponse);
    }

    [Theory]
    [InlineData("nope", "does_not_exist", false, "not_found")]
    [InlineData("light", "turn_on", true, "service_validation_error")]
    [InlineData("weather", "get_forecasts", false, "service_validation_error")]
    public async Task CallServiceAsync_HaRefuses_ThrowsCommandExceptionWithCode(
        string domain, string service, bool returnResponse, string expectedCode)
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        var error = await Assert.ThrowsAsync<HomeAssistantCommandException>(
            () => harness.Runner.CallServiceAsync(domain, service, null, null, returnResponse, CancellationToken.None));

        Assert.Equal(expectedCode, error.Code);
        Assert.Equal("call_service", error.CommandType);
        Assert.False(error.IsTransient);
        Assert.True(harness.Runner.IsConnected);
    }

    [Fact]
    public async Task CallServiceAsync_ScriptedFailure_SurfacesCodeAndMessage()
    {
        await using var harness = RunnerHarness.Create(configureServer: s => s.RegisterService(
            "valve", "close_valve", _ => FakeServiceOutcome.Error("home_assistant_error", "Valve is jammed")));
        await harness.StartAndWaitConnectedAsync();

        var error = await Assert.ThrowsAsync<HomeAssistantCommandException>(
            () => harness.Runner.CallServiceAsync("valve", "close_valve", HaTarget.ForEntities("valve.main_water"), null, false, CancellationToken.None));

        Assert.Equal("home_assistant_error", error.Code);
        Assert.Equal("Valve is jammed", error.Message);
    }

    [Fact]
    public async Task CallServiceAsync_ManyThreadsAtOnce_NeverReusesIds()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();

        var calls = Enumerable.Range(0, 16).Select(thread => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await harness.Runner.CallServiceAsync(
                    "switch", "turn_on", HaTarget.ForEntities($"switch.s{thread}_{i}"), null, false, CancellationToken.None);
            }
        }));
        await Task.WhenAll(calls).WaitAsync(TestTimeouts.Safety);

        Assert.Equal(400, harness.Server.ServiceCalls.Count);
        var ids = harness.Server.MessagesReceived.Where(m => m.Type != "auth").Select(m => m.Id!.Value).ToList();
        Assert.Equal(ids.Order().Distinct(), ids);
    }

    [Fact]
    public async Task Connection_ServicesSubscriptionsAndRawCommands_Work()
    {
        await using var harness = RunnerHarness.Create();
        await harness.StartAndWaitConnectedAsync();
        var connection = harness.Runner.CurrentConnection!;

        var services = await connection.GetServicesAsync(CancellationToken.None);
        Assert.True(services.GetProperty("light").TryGetProperty("turn_on", out _));

        var subscription = await connection.SubscribeEventsAsync("poh_raw", CancellationToken.None);
        Assert.Equal(2, harness.Server.ActiveSubscriptionCount);
        await connection.SendCommandAsync(
            "fire_event",
            new Dictionary<string, object?> { ["event_type"] = "poh_raw", ["event_data"] = new { n = 7 } },
            CancellationToken.None);
        var fired = await harness.Handler.Events.WaitForCountAsync(1);
        Assert.Equal(7, fired.Data.GetProperty("n").GetInt32());

        await connection.UnsubscribeEventsAsync(subscription, CancellationToken.None);
        Assert.Equal(1, harness.Server.ActiveSubscriptionCount);
        var error = await Assert.ThrowsAsync<HomeAssistantCommandException>(
            () => connection.UnsubscribeEventsAsync(subscription, CancellationToken.None));
        Assert.Equal("not_found", error.Code);

        var unknown = await Assert.ThrowsAsync<HomeAssistantCommandException>(
            () => connection.SendCommandAsync("no_such_command", null, CancellationToken.None));
        Assert.Equal("unknown_command", unknown.Code);

        var states = await connection.GetStatesAsync(CancellationToken.None);
        Assert.Contains(states, s => s.EntityId == "sun.sun");
        await connection.PingAsync(CancellationToken.None);
        Assert.Equal(JsonValueKind.Object, (await connection.GetConfigAsync(CancellationToken.None)).Raw.ValueKind);
    }
}
