using System.Text.Json.Nodes;
using ProofOfHeat.HomeAssistant.Tests.Support;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests.FakeServer;

/// <summary>What tests make the fake do: coalesce, stall, drop, restart, push scripted states and events.</summary>
public sealed class FakeHomeAssistantBehaviourTests
{
    [Fact]
    public async Task Coalescing_Negotiated_QueuedMessagesLeaveAsOneArrayFrame()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);
        await client.SendAsync("""{"id":1,"type":"supported_features","features":{"coalesce_messages":1}}""");
        Assert.True((await client.ReceiveMessageWithIdAsync(1))["success"]!.GetValue<bool>());

        var frame = await SendThreePingsWhileStalledAsync(server, client, firstId: 2);

        var array = Assert.IsType<JsonArray>(frame);
        Assert.Equal([2L, 3L, 4L], array.Select(m => m!["id"]!.GetValue<long>()));
        Assert.All(array, m => Assert.Equal("pong", m!["type"]!.GetValue<string>()));
        Assert.Equal(1, server.CoalescedFrameCount);
    }

    [Fact]
    public async Task Coalescing_NotNegotiated_OneObjectPerFrame()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        var frame = await SendThreePingsWhileStalledAsync(server, client, firstId: 1);

        Assert.IsType<JsonObject>(frame);
        Assert.Equal(2, (await client.ReceiveMessageWithIdAsync(2))["id"]!.GetValue<long>());
        Assert.Equal(0, server.CoalescedFrameCount);
    }

    [Fact]
    public async Task Stall_NoAnswerUntilResumed()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        server.Stall();
        await client.SendAsync("""{"id":1,"type":"ping"}""");
        var pong = client.ReceiveFrameAsync();
        await server.WaitForMessageAsync(m => m.Type == "ping").WaitAsync(TestTimeouts.Safety);

        // Received but not answered: the pong cannot have been written while stalled.
        Assert.False(pong.IsCompleted);
        server.Resume();
        Assert.Equal("pong", (await pong)!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_DropsConnectionsAndReportsNotRunningUntilTheTimeHasPassed()
    {
        var time = new FakeTimeProvider();
        await using var server = new FakeHomeAssistant(time);
        await using var before = await RawHaClient.ConnectAuthenticatedAsync(server);

        await server.RestartAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await before.ReceiveFrameAsync());
        await using var during = await RawHaClient.ConnectAuthenticatedAsync(server);
        await during.SendAsync("""{"id":1,"type":"get_config"}""");
        Assert.Equal("NOT_RUNNING", (await during.ReceiveMessageWithIdAsync(1))["result"]!["state"]!.GetValue<string>());
        time.Advance(TimeSpan.FromSeconds(30));
        await during.SendAsync("""{"id":2,"type":"get_config"}""");
        Assert.Equal("RUNNING", (await during.ReceiveMessageWithIdAsync(2))["result"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScriptedStatesAndEvents_ReachOnlyMatchingSubscriptions()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);
        await client.SendAsync("""{"id":1,"type":"subscribe_events","event_type":"state_changed"}""");
        Assert.True((await client.ReceiveMessageWithIdAsync(1))["success"]!.GetValue<bool>());

        server.FireEvent("something_else", new { x = 1 });
        server.SetState("sensor.flow_temp", "42.0");

        var frame = await client.ReceiveFrameAsync();
        var message = Assert.Single(RawHaClient.Messages(frame!));
        Assert.Equal(1, message["id"]!.GetValue<long>());
        var data = message["event"]!["data"]!;
        Assert.Equal("sensor.flow_temp", data["entity_id"]!.GetValue<string>());
        Assert.Equal("41.5", data["old_state"]!["state"]!.GetValue<string>());
        Assert.Equal("42.0", data["new_state"]!["state"]!.GetValue<string>());
        Assert.Equal("°C", data["new_state"]!["attributes"]!["unit_of_measurement"]!.GetValue<string>());
        Assert.Equal(1, server.ActiveSubscriptionCount);
    }

    [Fact]
    public async Task CallService_RecordedWithTargetDataAndConnection()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        await client.SendAsync(
            """{"id":4,"type":"call_service","domain":"valve","service":"close_valve","target":{"entity_id":"valve.main_water"},"service_data":{"why":"leak"}}""");
        var result = await client.ReceiveMessageWithIdAsync(4);

        Assert.True(result["success"]!.GetValue<bool>());
        var call = Assert.Single(server.ServiceCalls);
        Assert.Equal((1, 4L, "valve", "close_valve"), (call.Connection, call.Id, call.Domain, call.Service));
        Assert.Equal(["valve.main_water"], call.TargetEntityIds);
        Assert.Equal("leak", call.ServiceData!["why"]!.GetValue<string>());
    }

    [Fact]
    public async Task DropConnections_ClosesTheSocketWithoutHandshake()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        await server.DropConnectionsAsync();

        Assert.Null(await client.ReceiveFrameAsync());
        Assert.Equal(0, server.ActiveConnectionCount);
    }

    private static async Task<JsonNode> SendThreePingsWhileStalledAsync(FakeHomeAssistant server, RawHaClient client, int firstId)
    {
        // The pongs pile up in the fake's outgoing queue while it is stalled, so the writer finds three at once.
        server.Stall();
        await client.SendAsync($$"""[{"id":{{firstId}},"type":"ping"},{"id":{{firstId + 1}},"type":"ping"},{"id":{{firstId + 2}},"type":"ping"}]""");
        await server.WaitForMessageAsync(m => m.Id == firstId + 2).WaitAsync(TestTimeouts.Safety);
        server.Resume();
        return (await client.ReceiveFrameAsync())!;
    }
}
