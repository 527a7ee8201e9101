using System.Buffers;
using System.Net.WebSockets;

namespace ProofOfHeat.HomeAssistant.Transport;

/// <summary>The production transport over <see cref="ClientWebSocket"/>.</summary>
internal sealed class ClientWebSocketTransport : IWebSocketTransport
{
    // Large enough for most frames in one read; get_states answers grow the buffer writer instead.
    private const int ReceiveChunkBytes = 16 * 1024;

    private readonly ClientWebSocket _socket = new();

    public ClientWebSocketTransport()
    {
        // Liveness is checked with HA's app-level ping on the injected clock, not with WebSocket pings.
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    public async ValueTask<bool> ReceiveMessageAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            var memory = destination.GetMemory(ReceiveChunkBytes);
            var result = await _socket.ReceiveAsync(memory, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            if (result.MessageType != WebSocketMessageType.Text)
            {
                throw new WebSocketException(WebSocketError.InvalidMessageType, "Home Assistant sent a non-text frame.");
            }

            destination.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return true;
            }
        }
    }

    public ValueTask SendMessageAsync(ReadOnlyMemory<byte> utf8Message, CancellationToken cancellationToken) =>
        _socket.SendAsync(utf8Message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            // CloseOutputAsync sends our close frame and returns; CloseAsync would wait for a peer that may be stalled.
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The socket is already broken; disposing it below is all that is left to do.
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
