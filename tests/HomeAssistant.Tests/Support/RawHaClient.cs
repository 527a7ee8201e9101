using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ProofOfHeat.TestKit.HomeAssistant;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests.Support;

/// <summary>
/// A bare WebSocket client that sends exactly the bytes a test writes, so the fake HA's strictness can be tested
/// without our client's own rules getting in the way.
/// </summary>
public sealed class RawHaClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private RawHaClient()
    {
    }

    /// <summary>Connects and reads <c>auth_required</c>.</summary>
    public static async Task<RawHaClient> ConnectAsync(FakeHomeAssistant server)
    {
        var client = new RawHaClient();
        await client._socket.ConnectAsync(server.WebSocketUri, CancellationToken.None).WaitAsync(TestTimeouts.Safety);
        var required = await client.ReceiveFrameAsync();
        Assert.Equal("auth_required", required!["type"]!.GetValue<string>());
        return client;
    }

    /// <summary>Connects and authenticates with the valid token.</summary>
    public static async Task<RawHaClient> ConnectAuthenticatedAsync(FakeHomeAssistant server)
    {
        var client = await ConnectAsync(server);
        await client.SendAsync($$"""{"type":"auth","access_token":"{{FakeHomeAssistant.ValidToken}}"}""");
        var ok = await client.ReceiveFrameAsync();
        Assert.Equal("auth_ok", ok!["type"]!.GetValue<string>());
        return client;
    }

    /// <summary>Sends one text frame.</summary>
    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(TestTimeouts.Safety);

    /// <summary>Sends one binary frame.</summary>
    public Task SendBinaryAsync(byte[] payload) =>
        _socket.SendAsync(payload, WebSocketMessageType.Binary, true, CancellationToken.None).WaitAsync(TestTimeouts.Safety);

    /// <summary>Reads the next frame as JSON (an object, or an array when the fake coalesced); null when the peer closed.</summary>
    public async Task<JsonNode?> ReceiveFrameAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None).AsTask().WaitAsync(TestTimeouts.Safety);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    return JsonNode.Parse(buffer.WrittenSpan);
                }
            }
        }
        catch (WebSocketException)
        {
            return null; // The fake aborted the TCP connection.
        }
    }

    /// <summary>Reads frames until one message (inside an array or alone) has <paramref name="id"/>.</summary>
    public async Task<JsonObject> ReceiveMessageWithIdAsync(long id)
    {
        while (true)
        {
            var frame = await ReceiveFrameAsync() ?? throw new InvalidOperationException($"Closed before a message with id {id}.");
            foreach (var message in Messages(frame))
            {
                if (message["id"] is JsonValue value && value.TryGetValue<long>(out var found) && found == id)
                {
                    return message;
                }
            }
        }
    }

    /// <summary>The messages of one frame: the frame itself, or each item of a coalesced array.</summary>
    public static IEnumerable<JsonObject> Messages(JsonNode frame) =>
        frame is JsonArray array ? array.Select(n => (JsonObject)n!) : [(JsonObject)frame];

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
