using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ProofOfHeat.Sim.Miners;

/// <summary>
/// A small HTTP/1.1 server for simulators: request line, header fields, a Content-Length body,
/// keep-alive. Faults apply at the byte level (<see cref="MinerFaults"/>): garbage instead of a
/// response, a body cut short of its Content-Length with the socket left open, or no answer.
/// </summary>
public sealed class SimHttpServer : IAsyncDisposable
{
    private const int MaximumHeadBytes = 64 * 1024;
    private readonly LoopbackTcpServer _server;
    private readonly Func<SimHttpRequest, CancellationToken, Task<SimHttpResponse>> _handle;
    private readonly MinerFaults _faults;
    private int _requests;

    /// <summary>Starts serving with <paramref name="handle"/>.</summary>
    public SimHttpServer(Func<SimHttpRequest, CancellationToken, Task<SimHttpResponse>> handle, MinerFaults faults, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(faults);
        _handle = handle;
        _faults = faults;
        _server = new LoopbackTcpServer(ServeAsync, port);
    }

    /// <summary>The port listened on.</summary>
    public int Port => _server.Port;

    /// <summary>Requests received so far.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var reader = new HttpRequestReader(stream, MaximumHeadBytes);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } request)
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

            var response = await _handle(request, cancellationToken).ConfigureAwait(false);
            var body = Encoding.UTF8.GetBytes(_faults.CutReply ? SimWire.FirstHalf(response.Body) : response.Body);
            var length = _faults.NoTerminator ? body.Length + 100 : body.Length;
            var head = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n")
                .Append(CultureInfo.InvariantCulture, $"Content-Type: {response.ContentType}\r\n")
                .Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n");
            foreach (var (name, value) in response.Headers)
            {
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }

            head.Append("\r\n");
            // One write for head and body: two small writes meet Nagle and delayed ACKs (40 ms a response).
            var headBytes = Encoding.ASCII.GetBytes(head.ToString());
            var message = new byte[headBytes.Length + body.Length];
            headBytes.CopyTo(message, 0);
            body.CopyTo(message, headBytes.Length);
            await stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            if (_faults.NoTerminator)
            {
                await SimWire.WaitForHangUpAsync(stream, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (string.Equals(request.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
