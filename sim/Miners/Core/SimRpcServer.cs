using System.Net.Sockets;
using System.Text;

namespace ProofOfHeat.Sim.Miners;

/// <summary>
/// The cgminer-family TCP framing (cgminer's API-README and pyasic's RPC client) for simulators: read one
/// JSON request (complete when its braces balance), answer it, append a NUL, close. Faults apply
/// at the byte level: garbage, no NUL with the socket left open, or no answer at all.
/// </summary>
public sealed class SimRpcServer : IAsyncDisposable
{
    private readonly LoopbackTcpServer _server;
    private readonly Func<string, string?> _handle;
    private readonly MinerFaults _faults;
    private int _requests;

    /// <summary>Starts serving. <paramref name="handle"/> maps a request to its reply text; null closes without a reply (API down).</summary>
    public SimRpcServer(Func<string, string?> handle, MinerFaults faults, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(faults);
        _handle = handle;
        _faults = faults;
        _server = new LoopbackTcpServer(ServeAsync, port);
    }

    /// <summary>The port listened on.</summary>
    public int Port => _server.Port;

    /// <summary>Requests received so far (including ones answered with a fault).</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var request = await SimWire.ReadJsonObjectAsync(stream, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        Interlocked.Increment(ref _requests);
        if (_faults.Stall)
        {
            await SimWire.WaitForHangUpAsync(stream, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_faults.Garbage)
        {
            await stream.WriteAsync(SimWire.Garbage(), cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(new byte[] { 0 }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var reply = _handle(request);
        if (reply is null)
        {
            return;
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(_faults.CutReply ? SimWire.FirstHalf(reply) : reply), cancellationToken).ConfigureAwait(false);
        if (_faults.NoTerminator)
        {
            await SimWire.WaitForHangUpAsync(stream, cancellationToken).ConfigureAwait(false);
            return;
        }

        await stream.WriteAsync(new byte[] { 0 }, cancellationToken).ConfigureAwait(false);
    }
}
