using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V3;

/// <summary>
/// API v3 transport (MicroBT's WhatsMiner API V3, as pyasic and asic-rs speak it): one length-prefixed request and its reply per connection,
/// bounded by <see cref="MinerTimeouts"/>. No reply at all is <see cref="MinerUnreachableException"/>;
/// a cut or nonsensical frame, or JSON that is not a v3 reply, is <see cref="MinerProtocolException"/>.
/// </summary>
internal sealed class WhatsminerV3Client(string host, int port, MinerTimeouts timeouts, TimeProvider time)
{
    /// <summary>Sends one request frame and parses the reply frame.</summary>
    public async Task<WhatsminerV3Reply> SendAsync(string request, CancellationToken cancellationToken)
    {
        var command = WhatsminerV3Reply.CommandOf(request);
        var text = await ExchangeAsync(request, cancellationToken);
        try
        {
            return WhatsminerV3Reply.Parse(text);
        }
        catch (FormatException e)
        {
            throw new MinerProtocolException($"'{command}' reply is not the v3 API: {e.Message}", e);
        }
    }

    private async Task<string> ExchangeAsync(string request, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using (var connectTimeout = new CancellationTokenSource(timeouts.Connect, time))
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token))
        {
            try
            {
                await client.ConnectAsync(host, port, connect.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new MinerUnreachableException($"{host}:{port} did not accept a connection within {timeouts.Connect.TotalSeconds:0.#} s.");
            }
            catch (SocketException e)
            {
                throw new MinerUnreachableException($"{host}:{port}: {e.Message}", e);
            }
        }

        var stream = client.GetStream();
        using var replyTimeout = new CancellationTokenSource(timeouts.Reply, time);
        using var reply = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, replyTimeout.Token);
        var received = 0;
        try
        {
            await stream.WriteAsync(WhatsminerV3Framing.Encode(request), reply.Token);
            var header = new byte[4];
            received = await ReadSomeAsync(stream, header, reply.Token);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
            if (received < 4 || length > WhatsminerV3Framing.MaxFrameLength)
            {
                throw received == 0
                    ? new MinerUnreachableException($"{host}:{port} closed the connection without a reply.")
                    : new MinerProtocolException($"{host}:{port} sent {(received < 4 ? "a cut frame header" : $"a frame length of {length}")}, not a v3 frame.");
            }

            var body = new byte[length];
            var got = await ReadSomeAsync(stream, body, reply.Token);
            return got < body.Length
                ? throw new MinerProtocolException($"{host}:{port} ended its reply after {got} of {length} bytes.")
                : Encoding.UTF8.GetString(body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw received == 0
                ? new MinerUnreachableException($"{host}:{port} sent no reply within {timeouts.Reply.TotalSeconds:0.#} s.")
                : new MinerProtocolException($"{host}:{port} did not finish its reply within {timeouts.Reply.TotalSeconds:0.#} s.");
        }
        catch (IOException e)
        {
            throw new MinerUnreachableException($"{host}:{port}: {e.Message}", e);
        }
    }

    // Fills the buffer unless the stream ends; returns how much arrived. Progress is counted so a timeout knows if anything came.
    private static async Task<int> ReadSomeAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
