using System.Text.Json.Nodes;
using ProofOfHeat.HomeAssistant.Tests.Support;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests.FakeServer;

/// <summary>
/// The fake HA refuses what HA refuses, the way HA does (websocket_api/http.py, auth.py, connection.py), so a client
/// that passes against it does not merely pass against a lenient stub.
/// </summary>
public sealed class FakeHomeAssistantStrictnessTests
{
    [Fact]
    public async Task CommandBeforeAuth_AnsweredAuthInvalidAndClosed()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAsync(server);

        await client.SendAsync("""{"id":1,"type":"get_states"}""");

        var answer = await client.ReceiveFrameAsync();
        Assert.Equal("auth_invalid", answer!["type"]!.GetValue<string>());
        Assert.StartsWith("Auth message incorrectly formatted", answer["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await client.ReceiveFrameAsync());
    }

    [Fact]
    public async Task WrongToken_AnsweredAuthInvalidAndClosed()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAsync(server);

        await client.SendAsync("""{"type":"auth","access_token":"wrong"}""");

        var answer = await client.ReceiveFrameAsync();
        Assert.Equal("auth_invalid", answer!["type"]!.GetValue<string>());
        Assert.Null(await client.ReceiveFrameAsync());
    }

    [Fact]
    public async Task NoAuthWithinTenSeconds_Disconnects()
    {
        var time = new FakeTimeProvider();
        await using var server = new FakeHomeAssistant(time);
        await using var client = await RawHaClient.ConnectAsync(server);

        time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.Empty(server.ProtocolDisconnects);
        time.Advance(TimeSpan.FromTicks(1));

        Assert.Null(await client.ReceiveFrameAsync());
        Assert.Equal((1, "no auth message within 10 s"), Assert.Single(server.ProtocolDisconnects));
    }

    [Fact]
    public async Task InvalidJsonDuringAuth_DisconnectsWithoutAnswer()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAsync(server);

        await client.SendAsync("{not json");

        Assert.Null(await client.ReceiveFrameAsync());
        Assert.Equal((1, "invalid JSON"), Assert.Single(server.ProtocolDisconnects));
    }

    [Theory]
    [InlineData("""{"id":1,"type":"ping"}""", """{"id":1,"type":"ping"}""")]
    [InlineData("""{"id":5,"type":"ping"}""", """{"id":3,"type":"ping"}""")]
    [InlineData("""{"id":2,"type":"ping"}""", """{"id":-4,"type":"ping"}""")]
    public async Task RepeatedOrSmallerId_AnsweredIdReuse(string first, string second)
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);
        var firstId = JsonNode.Parse(first)!["id"]!.GetValue<long>();
        var secondId = JsonNode.Parse(second)!["id"]!.GetValue<long>();

        await client.SendAsync(first);
        Assert.Equal("pong", (await client.ReceiveMessageWithIdAsync(firstId))["type"]!.GetValue<string>());
        await client.SendAsync(second);

        var error = await client.ReceiveMessageWithIdAsync(secondId);
        Assert.False(error["success"]!.GetValue<bool>());
        Assert.Equal("id_reuse", error["error"]!["code"]!.GetValue<string>());
        Assert.Equal("Identifier values have to increase.", error["error"]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"ping"}""")]
    [InlineData("""{"id":0,"type":"ping"}""")]
    [InlineData("""{"id":"7","type":"ping"}""")]
    [InlineData("""{"id":7.5,"type":"ping"}""")]
    [InlineData("""{"id":7}""")]
    [InlineData("""{"id":7,"type":42}""")]
    public async Task MalformedCommand_AnsweredInvalidFormatAndConnectionStays(string command)
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        await client.SendAsync(command);
        var error = (JsonObject)(await client.ReceiveFrameAsync())!;

        Assert.Equal("result", error["type"]!.GetValue<string>());
        Assert.False(error["success"]!.GetValue<bool>());
        Assert.Equal("invalid_format", error["error"]!["code"]!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(command)!["id"]?.ToJsonString(), error["id"]?.ToJsonString());

        // HA keeps the connection after a malformed command.
        await client.SendAsync("""{"id":8,"type":"ping"}""");
        Assert.Equal("pong", (await client.ReceiveMessageWithIdAsync(8))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task NonObjectJson_AnsweredInvalidFormatWithIdZero()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        await client.SendAsync("42");

        var error = await client.ReceiveMessageWithIdAsync(0);
        Assert.Equal("invalid_format", error["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidJsonInCommandPhase_Disconnects()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        await client.SendAsync("""{"id":1,"type":"ping""");

        Assert.Null(await client.ReceiveFrameAsync());
        Assert.Equal((1, "invalid JSON"), Assert.Single(server.ProtocolDisconnects));
    }

    [Fact]
    public async Task BinaryFrame_Disconnects()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        await client.SendBinaryAsync("""{"id":1,"type":"ping"}"""u8.ToArray());

        Assert.Null(await client.ReceiveFrameAsync());
        Assert.Equal((1, "non-text frame"), Assert.Single(server.ProtocolDisconnects));
    }

    [Fact]
    public async Task UnknownCommand_AnsweredUnknownCommandWithoutUsingUpTheId()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        await client.SendAsync("""{"id":3,"type":"no_such_command"}""");
        Assert.Equal("unknown_command", (await client.ReceiveMessageWithIdAsync(3))["error"]!["code"]!.GetValue<string>());

        // connection.py records last_id only after a handler ran, so id 3 is still free.
        await client.SendAsync("""{"id":3,"type":"ping"}""");
        Assert.Equal("pong", (await client.ReceiveMessageWithIdAsync(3))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ArrayOfCommandsInOneFrame_EachHandledInOrder()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        await client.SendAsync("""[{"id":1,"type":"ping"},{"id":1,"type":"ping"},{"id":2,"type":"get_config"}]""");

        Assert.Equal("pong", (await client.ReceiveMessageWithIdAsync(1))["type"]!.GetValue<string>());
        Assert.Equal("id_reuse", (await client.ReceiveMessageWithIdAsync(1))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("RUNNING", (await client.ReceiveMessageWithIdAsync(2))["result"]!["state"]!.GetValue<string>());
        Assert.Equal([1L, 1L, 2L], server.MessagesReceived.Where(m => m.Type != "auth").Select(m => m.Id!.Value));
    }

    [Fact]
    public async Task CallService_SchemaViolations_AnsweredLikeHa()
    {
        await using var server = new FakeHomeAssistant();
        await using var client = await RawHaClient.ConnectAuthenticatedAsync(server);

        await client.SendAsync("""{"id":1,"type":"call_service","domain":"light","service":"turn_on","target":"light.kitchen"}""");
        Assert.Equal("invalid_format", (await client.ReceiveMessageWithIdAsync(1))["error"]!["code"]!.GetValue<string>());
        await client.SendAsync("""{"id":2,"type":"call_service","domain":"light","service":"explode"}""");
        var notFound = await client.ReceiveMessageWithIdAsync(2);
        Assert.Equal("not_found", notFound["error"]!["code"]!.GetValue<string>());
        Assert.Equal("Service light.explode not found.", notFound["error"]!["message"]!.GetValue<string>());
    }
}
