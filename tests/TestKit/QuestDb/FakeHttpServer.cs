using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>
/// A minimal HTTP/1.1 server on a loopback socket (keep-alive, Content-Length bodies), so that a fake can drop a
/// connection at an exact point: after reading a request and before (or after) acting on it.
/// </summary>
internal sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<FakeHttpRequest, FakeHttpResponse> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public FakeHttpServer(Func<FakeHttpRequest, FakeHttpResponse> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                while (await ReadRequestAsync(stream) is { } request)
                {
                    var response = _handler(request);
                    if (ReferenceEquals(response, FakeHttpResponse.Drop))
                    {
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    var body = response.Json is null ? [] : Encoding.UTF8.GetBytes(response.Json);
                    var head = new StringBuilder()
                        .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n")
                        .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
                    if (body.Length > 0)
                    {
                        head.Append("Content-Type: application/json; charset=utf-8\r\n");
                    }

                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), _stopping.Token);
                    await stream.WriteAsync(body, _stopping.Token);
                }
            }
            catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the server stopped.
            }
        }
    }

    private static async Task<FakeHttpRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var length = 0;
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return new FakeHttpRequest(requestLine[0], requestLine[1], Encoding.UTF8.GetString(body));
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
