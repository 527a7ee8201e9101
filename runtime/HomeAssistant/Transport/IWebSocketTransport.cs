using System.Buffers;

namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// Moves whole WebSocket text messages; knows nothing about JSON or HA. One instance serves one connection.
/// The default implementation wraps <see cref="System.Net.WebSockets.ClientWebSocket"/>; tests may substitute it.
/// </summary>
/// <remarks>
/// Implementations may throw socket-level exceptions (WebSocketException, IOException, SocketException); the
/// connection layer translates them. Only one receive and one send run at a time (the connection guarantees it).
/// </remarks>
public interface IWebSocketTransport : IAsyncDisposable
{
    /// <summary>Opens the WebSocket to <paramref name="uri"/>.</summary>
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>
    /// Reads one whole message (all fragments up to EndOfMessage) into <paramref name="destination"/>.
    /// Returns false when the peer closed the socket.
    /// </summary>
    ValueTask<bool> ReceiveMessageAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="utf8Message"/> as one text message.</summary>
    ValueTask SendMessageAsync(ReadOnlyMemory<byte> utf8Message, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a polite close (sends the close frame) without waiting for the peer, which may be stalled.
    /// Never throws for an already broken socket.
    /// </summary>
    Task CloseAsync(CancellationToken cancellationToken);
}
