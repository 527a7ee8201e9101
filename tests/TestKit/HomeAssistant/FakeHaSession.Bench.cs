using System.Net.Sockets;
using System.Net.WebSockets;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>The benchmark's fast send path (see <see cref="FakeHaEventFeed"/>).</summary>
internal sealed partial class FakeHaSession
{
    /// <summary>
    /// Writes bytes that already are whole WebSocket frames straight to the TCP stream, under the send lock so
    /// they never interleave with the WebSocket's own frames. Many frames then leave in one write, as they do
    /// from a busy HA, and the fake's cost per event stays far below the client's.
    /// </summary>
    public async Task SendWireFramesAsync(ReadOnlyMemory<byte> frames)
    {
        if (_socket is not { State: WebSocketState.Open })
        {
            return;
        }

        await _sendLock.WaitAsync();
        try
        {
            await _client.GetStream().WriteAsync(frames);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Closed meanwhile.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
