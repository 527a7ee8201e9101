using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProofOfHeat.Addon.Tests.Sandbox;

/// <summary>
/// One loopback address standing in for <c>http://supervisor/</c>, as the add-on sees it: <c>/core/websocket</c> goes
/// to the fake Home Assistant's WebSocket API (the Supervisor proxies it there: supervisor <c>api/proxy.py</c>), every
/// other path to the fake Supervisor's own API. It reads the request head, picks the upstream, rewrites the path for
/// HA, and then copies bytes both ways until either side closes.
/// </summary>
internal sealed class SupervisorFront : IAsyncDisposable
{
    private const string CoreWebSocketPath = "/core/websocket";
    private const int MaxHead = 32 * 1024;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Uri _supervisor;
    private readonly Uri _homeAssistantWebSocket;
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];
    private int _webSocketConnections;

    public SupervisorFront(Uri supervisor, Uri homeAssistantWebSocket)
    {
        _supervisor = supervisor;
        _homeAssistantWebSocket = homeAssistantWebSocket;
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>The address given to the brain as <c>POH_SUPERVISOR_URL</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>WebSocket connections passed to Home Assistant through <c>/core/websocket</c>.</summary>
    public int WebSocketConnections => Volatile.Read(ref _webSocketConnections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] open;
        lock (_connections)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(ForwardAsync(client, cancellationToken));
            }
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                var downstream = client.GetStream();
                var (head, rest) = await ReadHeadAsync(downstream, cancellationToken);
                var requestLine = head[..head.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
                var toHomeAssistant = requestLine.Length == 3 && requestLine[1].StartsWith(CoreWebSocketPath, StringComparison.Ordinal);
                var target = toHomeAssistant ? _homeAssistantWebSocket : _supervisor;
                if (toHomeAssistant)
                {
                    Interlocked.Increment(ref _webSocketConnections);
                    requestLine[1] = _homeAssistantWebSocket.AbsolutePath + requestLine[1][CoreWebSocketPath.Length..];
                    head = string.Join(' ', requestLine) + head[head.IndexOf("\r\n", StringComparison.Ordinal)..];
                }

                using var upstreamClient = new TcpClient();
                await upstreamClient.ConnectAsync(target.Host, target.Port, cancellationToken);
                var upstream = upstreamClient.GetStream();
                await upstream.WriteAsync(Encoding.Latin1.GetBytes(head), cancellationToken);
                await upstream.WriteAsync(rest, cancellationToken);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var up = CopyAsync(downstream, upstream, either);
                var down = CopyAsync(upstream, downstream, either);
                await Task.WhenAny(up, down);
                await either.CancelAsync();
                await Task.WhenAll(up, down);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
            {
                // Either side went away, or the test is over.
            }
        }
    }

    private static async Task CopyAsync(NetworkStream from, NetworkStream to, CancellationTokenSource either)
    {
        try
        {
            await from.CopyToAsync(to, either.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed on one side: the other copy is cancelled by the caller.
        }
        finally
        {
            either.Cancel();
        }
    }

    private static async Task<(string Head, byte[] Body)> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHead];
        var length = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                throw new InvalidDataException("closed before the request head ended");
            }

            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (Encoding.Latin1.GetString(buffer, 0, end + 4), buffer[(end + 4)..length]);
            }

            if (length == buffer.Length)
            {
                throw new InvalidDataException("request head too long");
            }
        }
    }
}
