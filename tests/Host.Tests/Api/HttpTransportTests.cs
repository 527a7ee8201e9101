using System.Net;
using System.Net.Sockets;
using System.Text;
using ProofOfHeat.Host.Api.Http;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>
/// The API's own HTTP/1.1 server (runtime/Host/Api/Http) from the wire: keep-alive, framing, limits, slow and idle
/// clients on fake time, and that nothing of ASP.NET Core is loaded to serve it.
/// </summary>
public sealed class HttpTransportTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task KeepAlive_TwoRequestsOnOneConnection_BothAnswered()
    {
        await using var brain = await RunningBrain.StartAsync();
        using var connection = await RawConnection.OpenAsync(brain);

        await connection.SendAsync("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        var first = await connection.ReadResponseAsync();
        await connection.SendAsync("GET /api/status HTTP/1.1\r\nHost: localhost\r\n\r\n");
        var second = await connection.ReadResponseAsync();

        Assert.StartsWith("HTTP/1.1 200 ", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Connection: close", first, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("HTTP/1.1 200 ", second, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json; charset=utf-8", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionClose_IsHonoured()
    {
        await using var brain = await RunningBrain.StartAsync();
        using var connection = await RawConnection.OpenAsync(brain);

        await connection.SendAsync("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        var response = await connection.ReadResponseAsync();

        Assert.Contains("Connection: close", response, StringComparison.Ordinal);
        Assert.True(await connection.IsClosedAsync(), "the server kept the connection open");
    }

    [Theory]
    [InlineData("GET /healthz HTTP/1.1\r\n\r\n", 400)] // RFC 9112 §3.2: HTTP/1.1 without Host
    [InlineData("GET /healthz HTTP/2.0\r\nHost: localhost\r\n\r\n", 505)]
    [InlineData("GET healthz HTTP/1.1\r\nHost: localhost\r\n\r\n", 400)]
    [InlineData("GET /healthz HTTP/1.1\r\nHost : localhost\r\n\r\n", 400)] // RFC 9112 §5.1: whitespace before the colon
    [InlineData("GET /healthz HTTP/1.1\r\nHost: localhost\r\n folded\r\n\r\n", 400)] // RFC 9112 §5.2: obsolete line folding
    [InlineData("PUT /api/state/a/b HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400)]
    [InlineData("PUT /api/state/a/b HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n", 400)]
    [InlineData("PUT /api/state/a/b HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n", 501)]
    [InlineData("PUT /api/state/a/b HTTP/1.1\r\nHost: localhost\r\nContent-Length: 999999999\r\n\r\n", 413)]
    public async Task MalformedOrRefusedRequest_GetsItsStatusAndTheConnectionCloses(string request, int status)
    {
        await using var brain = await RunningBrain.StartAsync();
        using var connection = await RawConnection.OpenAsync(brain);

        await connection.SendAsync(request);
        var response = await connection.ReadResponseAsync();

        Assert.StartsWith($"HTTP/1.1 {status} ", response, StringComparison.Ordinal);
        Assert.Contains("\"error\"", response, StringComparison.Ordinal);
        Assert.True(await connection.IsClosedAsync(), "the server kept the connection open after refusing a request");
    }

    [Fact]
    public async Task HeadOverTheLimit_Returns431()
    {
        await using var brain = await RunningBrain.StartAsync();
        using var connection = await RawConnection.OpenAsync(brain);

        await connection.SendAsync("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: " + new string('h', HttpServerLimits.MaxHeadBytes) + "\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 431 ", await connection.ReadResponseAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChunkedBody_IsDecoded()
    {
        await using var brain = await RunningBrain.StartAsync();
        using var connection = await RawConnection.OpenAsync(brain);

        await connection.SendAsync("PUT /api/state/notes/one HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4;ext=1\r\n{\"a\"\r\n3\r\n: 1\r\n1\r\n}\r\n0\r\nX-Trailer: y\r\n\r\n");
        var put = await connection.ReadResponseAsync();
        await connection.SendAsync("GET /api/state/notes/one HTTP/1.1\r\nHost: localhost\r\n\r\n");
        var get = await connection.ReadResponseAsync();

        Assert.StartsWith("HTTP/1.1 200 ", put, StringComparison.Ordinal);
        Assert.EndsWith("{\"a\": 1}", get, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowClient_IsCutOffAtTheRequestTimeout_AndOthersAreServedMeanwhile()
    {
        await using var brain = await RunningBrain.StartAsync();
        var time = brain.Time;
        using var slow = await RawConnection.OpenAsync(brain);
        await slow.SendAsync("GET /healthz HTTP/1.1\r\nHo");

        var meanwhile = await brain.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        // One fake second at a time: the deadline is armed when the server has read the first bytes, a moment of
        // real time after they were sent, so the cut-off comes at the timeout or a step or two after it.
        var advanced = TimeSpan.Zero;
        var closed = false;
        while (!closed && advanced < HttpServerLimits.RequestTimeout + TimeSpan.FromSeconds(10))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            closed = await slow.IsClosedAsync(TimeSpan.FromMilliseconds(advanced < HttpServerLimits.RequestTimeout ? 20 : 500));
        }

        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        Assert.True(closed, "a client that never finished its request kept its connection");
        Assert.InRange(advanced, HttpServerLimits.RequestTimeout, HttpServerLimits.RequestTimeout + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ManyIdleClients_DoNotStopTheApi()
    {
        await using var brain = await RunningBrain.StartAsync();
        var idle = new List<RawConnection>();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                idle.Add(await RawConnection.OpenAsync(brain));
            }

            foreach (var connection in idle.Where((_, i) => i % 2 == 0))
            {
                await connection.SendAsync("GET /api/sta");
            }

            var response = await brain.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            foreach (var connection in idle)
            {
                connection.Dispose();
            }
        }
    }

    [Fact]
    public async Task ServingRequests_LoadsNothingOfAspNetCore()
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await brain.Client.GetAsync(new Uri("/api/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(),
            a => a.GetName().Name?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true);
    }

    /// <summary>A TCP connection to the brain's API that speaks raw bytes.</summary>
    private sealed class RawConnection : IDisposable
    {
        private readonly Socket _socket;
        private readonly NetworkStream _stream;

        private RawConnection(Socket socket)
        {
            _socket = socket;
            _stream = new NetworkStream(socket, ownsSocket: true);
        }

        public static async Task<RawConnection> OpenAsync(RunningBrain brain)
        {
            var address = brain.Client.BaseAddress!;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(address.Host, address.Port).WaitAsync(Generous);
            return new RawConnection(socket);
        }

        public async Task SendAsync(string text) => await _stream.WriteAsync(Encoding.Latin1.GetBytes(text)).AsTask().WaitAsync(Generous);

        /// <summary>Reads one response framed by its Content-Length.</summary>
        public async Task<string> ReadResponseAsync()
        {
            using var timeout = new CancellationTokenSource(Generous);
            var received = new List<byte>();
            var buffer = new byte[8192];
            while (true)
            {
                var text = Encoding.Latin1.GetString([.. received]);
                var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (headEnd >= 0)
                {
                    var length = ContentLength(text[..headEnd]);
                    if (text.Length >= headEnd + 4 + length)
                    {
                        return text[..(headEnd + 4 + length)];
                    }
                }

                var read = await _stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return text;
                }

                received.AddRange(buffer.AsSpan(0, read));
            }
        }

        /// <summary>Whether the server closed the connection (the next read ends the stream or is reset).</summary>
        public Task<bool> IsClosedAsync() => IsClosedAsync(Generous);

        /// <summary>Whether the server closes the connection within <paramref name="within"/> of wall time.</summary>
        public async Task<bool> IsClosedAsync(TimeSpan within)
        {
            using var timeout = new CancellationTokenSource(within);
            try
            {
                var buffer = new byte[1024];
                while (await _stream.ReadAsync(buffer, timeout.Token) > 0)
                {
                }

                return true;
            }
            catch (IOException)
            {
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _stream.Dispose();
            _socket.Dispose();
        }

        private static int ContentLength(string head)
        {
            foreach (var line in head.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    return int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return 0;
        }
    }
}
