using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ProofOfHeat.Host.Api.Http;

/// <summary>
/// The API's HTTP/1.1 server: a listening socket per address, one task per connection (at most
/// <see cref="HttpServerLimits.MaxConnections"/>), every request answered by one <see cref="ApiRequestHandler"/>.
/// It replaces Kestrel, which cost the brain about 9 MB of resident memory (its assemblies, their code and data)
/// for an API of six paths (bench/Runtime/results.md); System.Net.Sockets is loaded for the HA client anyway.
/// Plain HTTP only: in add-on mode Home Assistant's ingress proxy terminates TLS, standalone it is a LAN API.
/// </summary>
internal sealed partial class HttpApiServer : IHostedService, IAsyncDisposable
{
    private readonly IReadOnlyList<IPAddress?> _addresses;
    private readonly int _port;
    private readonly ApiRequestHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<string> _urls = [];

    /// <summary>Creates the server for <paramref name="addresses"/> (null: <c>localhost</c>, both loopbacks) on <paramref name="port"/> (0: any free one).</summary>
    public HttpApiServer(IReadOnlyList<IPAddress?> addresses, int port, ApiRequestHandler handler, TimeProvider time, ILogger<HttpApiServer> logger)
    {
        _addresses = addresses;
        _port = port;
        _handler = handler;
        _time = time;
        _logger = logger;
    }

    /// <summary>Where the API listens, once started (<c>http://127.0.0.1:8099</c>, <c>http://localhost:8099</c> …).</summary>
    public IReadOnlyList<string> Urls => _urls;

    /// <summary>Binds every address; a taken port fails here with an <see cref="IOException"/>, as Kestrel's did.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var address in _addresses)
            {
                if (address is null)
                {
                    BindLocalhost();
                }
                else
                {
                    var bound = Bind(address, _port);
                    _urls.Add($"http://{Format(address)}:{bound}");
                }
            }
        }
        catch (SocketException ex)
        {
            CloseListeners();
            throw new IOException($"Failed to bind to address: {ex.Message}", ex);
        }

        foreach (var listener in _listeners)
        {
            _acceptLoops.Add(AcceptLoopAsync(listener, _stopping.Token));
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, ends every connection and waits for them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        CloseListeners();
        await Task.WhenAll([.. _acceptLoops, .. _connections.Keys]).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    // localhost is both loopbacks on one port (what Kestrel's ListenLocalhost did); IPv6 may be missing in a container.
    private void BindLocalhost()
    {
        var port = Bind(IPAddress.Loopback, _port);
        if (Socket.OSSupportsIPv6)
        {
            try
            {
                Bind(IPAddress.IPv6Loopback, port);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported)
            {
                LogNoIpv6(_logger, ex.SocketErrorCode);
            }
        }

        _urls.Add($"http://localhost:{port}");
    }

    private int Bind(IPAddress address, int port)
    {
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                listener.DualMode = address.Equals(IPAddress.IPv6Any);
            }

            listener.Bind(new IPEndPoint(address, port));
            listener.Listen(backlog: 128);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listeners.Add(listener);
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                // A connection reset before it was accepted (ECONNABORTED) ends nothing but that connection.
                continue;
            }

            if (_connections.Count >= HttpServerLimits.MaxConnections)
            {
                LogTooManyConnections(_logger, HttpServerLimits.MaxConnections);
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            var connection = new HttpConnection(socket, _handler, _time, _logger).RunAsync(stopping);
            _connections[connection] = true;
            // The set holds running connections only, so its count is the limit's measure; StopAsync awaits what is left.
            _ = connection.ContinueWith((done, state) => ((ConcurrentDictionary<Task, bool>)state!).TryRemove(done, out _),
                _connections, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void CloseListeners()
    {
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }

    private static string Format(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    [LoggerMessage(EventId = 4034, Level = LogLevel.Warning, Message = "The API has {Limit} connections open; a new one was closed")]
    private static partial void LogTooManyConnections(ILogger logger, int limit);

    [LoggerMessage(EventId = 4035, Level = LogLevel.Debug, Message = "No IPv6 loopback ({Error}): the API listens on 127.0.0.1 only")]
    private static partial void LogNoIpv6(ILogger logger, SocketError error);
}
