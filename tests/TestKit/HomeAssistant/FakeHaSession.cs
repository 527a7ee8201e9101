using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>One client connection: upgrade, auth phase, then the command phase with a separate writer.</summary>
internal sealed partial class FakeHaSession : IDisposable
{
    private readonly FakeHomeAssistant _server;
    private readonly TcpClient _client;
    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _abort = new();
    private WebSocket? _socket;
    private long _lastId;
    private bool _coalescing;
    private volatile bool _open;

    public FakeHaSession(FakeHomeAssistant server, TcpClient client, int number)
    {
        _server = server;
        _client = client;
        Number = number;
    }

    public int Number { get; }

    public bool IsOpen => _open;

    /// <summary>Subscription id → event type (null: all). Guarded by the server's gate.</summary>
    public Dictionary<long, string?> Subscriptions { get; } = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
        var token = linked.Token;
        Task? writer = null;
        try
        {
            var stream = _client.GetStream();
            if (!await WebSocketUpgrade.AcceptAsync(stream, FakeHomeAssistant.WebSocketPath, token))
            {
                return;
            }

            _socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
            _open = true;
            if (!await AuthenticateAsync(token))
            {
                return;
            }

            writer = WriteLoopAsync(token);
            await CommandLoopAsync(token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away or the test dropped the connection.
        }
        finally
        {
            _open = false;
            lock (_server.Gate)
            {
                Subscriptions.Clear();
            }

            _outgoing.Writer.TryComplete();
            Abort();
            if (writer is not null)
            {
                try
                {
                    await writer;
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
                {
                    // Already closing.
                }
            }
        }
    }

    /// <summary>Queues a message for the writer (ignored once the connection closed).</summary>
    public void Enqueue(string json) => _outgoing.Writer.TryWrite(json);

    /// <summary>Sends bytes as a text frame right away, bypassing the queue (for garbage).</summary>
    public async Task SendRawAsync(byte[] payload)
    {
        if (_socket is not { State: WebSocketState.Open } socket)
        {
            return;
        }

        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // Closed meanwhile.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the TCP connection without a close handshake.</summary>
    public void Abort()
    {
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session already ended and was disposed.
            return;
        }

        _socket?.Abort();
        _client.Dispose();
    }

    public void Dispose()
    {
        _socket?.Dispose();
        _client.Dispose();
        _abort.Dispose();
        _sendLock.Dispose();
    }

    private async Task CommandLoopAsync(CancellationToken cancellationToken)
    {
        // While stalled the fake goes on reading and recording (the kernel would accept the bytes anyway, and tests can
        // see what arrived), but the writer holds every answer until Resume: to the client that is an HA that hangs.
        while (true)
        {
            var text = await ReceiveTextAsync(cancellationToken);
            if (text is null || !TryParse(text, out var node))
            {
                if (text is not null)
                {
                    _server.RecordDisconnect(Number, "invalid JSON");
                }

                return; // HA disconnects on close, non-text frames and invalid JSON.
            }

            if (node is JsonArray batch)
            {
                foreach (var item in batch)
                {
                    HandleCommand(item);
                }
            }
            else
            {
                HandleCommand(node);
            }
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _outgoing.Reader;
        var batch = new List<string>();
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            await _server.WaitWhileStalledAsync(cancellationToken);
            batch.Clear();
            var coalesce = _coalescing && _server.CoalesceOutgoing;
            while (batch.Count < (coalesce ? 512 : 1) && reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            string frame;
            if (batch.Count == 1)
            {
                frame = batch[0];
            }
            else
            {
                frame = "[" + string.Join(',', batch) + "]";
                _server.CountCoalescedFrame();
            }

            await SendFrameAsync(Encoding.UTF8.GetBytes(frame), cancellationToken);
        }
    }

    private Task SendNowAsync(JsonObject message, CancellationToken cancellationToken) =>
        SendFrameAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), cancellationToken);

    private async Task SendFrameAsync(byte[] payload, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket!.SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _socket!.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // Client already gone.
        }
    }

    /// <summary>One whole text message; null on close, a non-text frame or a message over 16 MB (the last two recorded).</summary>
    private async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket!.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (result.MessageType != WebSocketMessageType.Text || buffer.WrittenCount > 16 * 1024 * 1024)
            {
                _server.RecordDisconnect(Number, result.MessageType != WebSocketMessageType.Text ? "non-text frame" : "message too large");
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
        }
    }

    /// <summary>False only for invalid JSON; any JSON value (a scalar or null too) is a message HA will judge.</summary>
    private static bool TryParse(string text, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }
}
