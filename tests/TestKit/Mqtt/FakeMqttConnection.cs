using System.Net.Sockets;

namespace ProofOfHeat.TestKit.Mqtt;

/// <summary>One client connection to <see cref="FakeMqttBroker"/>: read raw packets, write anything, close abruptly.</summary>
public sealed class FakeMqttConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    internal FakeMqttConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    /// <summary>Reads the next whole packet (fixed header, Remaining Length, body).</summary>
    public async Task<FakeMqttPacket> ReadPacketAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var header = await ReadExactlyAsync(1, cts.Token);
        var length = 0;
        var multiplier = 1;
        for (var i = 0; i < 4; i++)
        {
            var b = (await ReadExactlyAsync(1, cts.Token))[0];
            length += (b & 0x7F) * multiplier;
            if ((b & 0x80) == 0)
            {
                break;
            }

            multiplier *= 128;
        }

        return new FakeMqttPacket(header[0], await ReadExactlyAsync(length, cts.Token));
    }

    /// <summary>Reads packets until one of type <paramref name="type"/> arrives and returns it.</summary>
    public async Task<FakeMqttPacket> ReadUntilAsync(int type, TimeSpan timeout)
    {
        while (true)
        {
            var packet = await ReadPacketAsync(timeout);
            if (packet.Type == type)
            {
                return packet;
            }
        }
    }

    /// <summary>Writes raw bytes (a packet, part of one, or garbage).</summary>
    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Closes with a TCP reset (SO_LINGER 0): as abrupt as it gets.</summary>
    public void CloseAbruptly()
    {
        try
        {
            _client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        _client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await _stream.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}
