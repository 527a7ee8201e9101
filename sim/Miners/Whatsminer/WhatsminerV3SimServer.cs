using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>
/// The API v3 framing for the simulator (MicroBT's WhatsMiner API V3, as pyasic and asic-rs speak it): each message is a 4-byte little-endian
/// length and that much UTF-8 JSON; a connection may carry several requests. Faults at the byte
/// level: garbage, a frame cut short with the socket left open, or no answer.
/// </summary>
internal sealed class WhatsminerV3SimServer : IAsyncDisposable
{
    private const int MaximumFrameBytes = 1 << 20;
    private readonly LoopbackTcpServer _server;
    private readonly Func<string, string?> _handle;
    private readonly MinerFaults _faults;
    private int _requests;

    /// <summary>Starts serving. <paramref name="handle"/> maps a request to its reply; null closes the connection (API down).</summary>
    public WhatsminerV3SimServer(Func<string, string?> handle, MinerFaults faults, int port = 0)
    {
        _handle = handle;
        _faults = faults;
        _server = new LoopbackTcpServer(ServeAsync, port);
    }

    /// <summary>The port listened on.</summary>
    public int Port => _server.Port;

    /// <summary>Request frames received so far (including ones answered with a fault).</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        while (await ReadFrameAsync(stream, cancellationToken).ConfigureAwait(false) is { } request)
        {
            Interlocked.Increment(ref _requests);
            if (_faults.Stall)
            {
                await SimWire.WaitForHangUpAsync(stream, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (_faults.Garbage)
            {
                await stream.WriteAsync(SimWire.Garbage(), cancellationToken).ConfigureAwait(false);
                return;
            }

            if (_handle(request) is not { } reply)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(reply);
            var header = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)body.Length);
            await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            if (_faults.NoTerminator)
            {
                await stream.WriteAsync(body.AsMemory(0, body.Length / 2), cancellationToken).ConfigureAwait(false);
                await SimWire.WaitForHangUpAsync(stream, cancellationToken).ConfigureAwait(false);
                return;
            }

            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<string?> ReadFrameAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        if (await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (length > MaximumFrameBytes)
        {
            return null;
        }

        var body = new byte[length];
        return await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < body.Length
            ? null
            : Encoding.UTF8.GetString(body);
    }
}
