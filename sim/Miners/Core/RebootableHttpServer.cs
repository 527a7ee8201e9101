namespace ProofOfHeat.Sim.Miners;

/// <summary>
/// A <see cref="SimHttpServer"/> that can be taken off the network for a while, as a rebooting
/// miner is: its port stops listening (clients are refused) and comes back on the same port when
/// the injected clock says the reboot is over.
/// </summary>
public sealed class RebootableHttpServer(
    Func<SimHttpRequest, CancellationToken, Task<SimHttpResponse>> handle, MinerFaults faults, TimeProvider time) : IAsyncDisposable
{
    private readonly object _gate = new();
    private SimHttpServer? _server;
    private ITimer? _backUp;
    private int _port;

    /// <summary>The port (fixed once first started).</summary>
    public int Port => _port;

    /// <summary>Starts listening on <paramref name="port"/> (0 = any free port).</summary>
    public void Start(int port)
    {
        lock (_gate)
        {
            _server ??= new SimHttpServer(handle, faults, _port == 0 ? port : _port);
            _port = _server.Port;
        }
    }

    /// <summary>Stops listening now and listens again after <paramref name="downFor"/> on the clock.</summary>
    public async Task GoDownAsync(TimeSpan downFor)
    {
        SimHttpServer? server;
        lock (_gate)
        {
            server = _server;
            _server = null;
            _backUp?.Dispose();
            _backUp = time.CreateTimer(_ => Start(_port), null, downFor, Timeout.InfiniteTimeSpan);
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        SimHttpServer? server;
        lock (_gate)
        {
            server = _server;
            _server = null;
            _backUp?.Dispose();
            _backUp = null;
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
