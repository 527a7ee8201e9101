using System.Net.WebSockets;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>One oversized message, streamed in fragments (RFC 6455 §5.4) so the fake never holds it whole.</summary>
internal sealed partial class FakeHaSession
{
    private const int FragmentBytes = 1024 * 1024;

    public async Task<long> SendOversizedAsync(long bytes)
    {
        if (_socket is not { State: WebSocketState.Open } socket)
        {
            return 0;
        }

        // A JSON string opened and never closed: valid UTF-8 text throughout, never a complete message.
        var fragment = new byte[FragmentBytes];
        Array.Fill(fragment, (byte)'x');
        "{\"id\":1,\"type\":\"result\",\"result\":\""u8.CopyTo(fragment);
        long sent = 0;
        await _sendLock.WaitAsync();
        try
        {
            while (sent < bytes)
            {
                var length = (int)Math.Min(FragmentBytes, bytes - sent);
                var last = sent + length >= bytes;
                await socket.SendAsync(fragment.AsMemory(0, length), WebSocketMessageType.Text, last, CancellationToken.None);
                sent += length;
                if (sent == length)
                {
                    // After the first fragment the JSON prefix is done: the rest of the message is string content.
                    Array.Fill(fragment, (byte)'x', 0, 64);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client closed the connection mid-message, as it should (the session aborts its socket then).
        }
        finally
        {
            try
            {
                _sendLock.Release();
            }
            catch (ObjectDisposedException)
            {
                // The session ended (and disposed its lock) when the client closed the connection.
            }
        }

        return sent;
    }
}
