using System.Net;
using System.Net.Sockets;

namespace ProofOfHeat.Host.Api.Http;

/// <summary>
/// Serves the requests of one TCP connection in turn (HTTP/1.1 keep-alive, RFC 9112 §9.3), each within the
/// server's size and time limits, and closes it when the client asks, a request is refused unread, a limit is hit
/// or the server stops.
/// </summary>
internal sealed partial class HttpConnection(Socket socket, ApiRequestHandler handler, TimeProvider time, ILogger logger)
{
    /// <summary>Serves until the connection ends; never throws for what the peer does.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var remote = (socket.RemoteEndPoint as IPEndPoint)?.Address;
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            var reader = new HttpConnectionReader(stream);
            while (await ServeOneAsync(stream, reader, remote, stopping).ConfigureAwait(false))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away, was too slow, or the server is stopping: nothing to answer.
            LogConnectionEnded(logger, remote, ex.GetType().Name);
        }
        finally
        {
            socket.Dispose();
        }
    }

    private async Task<bool> ServeOneAsync(NetworkStream stream, HttpConnectionReader reader, IPAddress? remote, CancellationToken stopping)
    {
        using (var idle = new ConnectionDeadline(HttpServerLimits.KeepAliveTimeout, time, stopping))
        {
            if (!await reader.WaitForDataAsync(idle.Token).ConfigureAwait(false))
            {
                return false;
            }
        }

        // From the first byte, the whole request must arrive within the request timeout (no slow-loris).
        using var deadline = new ConnectionDeadline(HttpServerLimits.RequestTimeout, time, stopping);
        var (headBytes, tooLarge) = await reader.ReadHeadAsync(deadline.Token).ConfigureAwait(false);
        if (headBytes is null)
        {
            if (tooLarge)
            {
                await RefuseAsync(stream, reader, (int)HttpStatusCode.RequestHeaderFieldsTooLarge, "the request head is too large", stopping).ConfigureAwait(false);
            }

            return false;
        }

        var (head, status, problem) = HttpRequestHeadParser.Parse(headBytes);
        if (head is null)
        {
            await RefuseAsync(stream, reader, status, problem!, stopping).ConfigureAwait(false);
            return false;
        }

        var (body, bodyStatus, bodyProblem) = await ReadBodyAsync(stream, head, reader, deadline.Token).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseAsync(stream, reader, bodyStatus, bodyProblem!, stopping).ConfigureAwait(false);
            return false;
        }

        var request = new ApiRequest(head.Method, head.Path, head.Headers, body, remote, head.Query);
        ApiResult result;
        try
        {
            result = await handler(request, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            LogHandlerFailed(logger, ex, head.Method, head.Path);
            result = ApiResult.Json(new ApiError("the brain failed to answer; see its log"), (int)HttpStatusCode.InternalServerError);
        }

        LogRequest(logger, head.Method, head.Path, result.StatusCode);
        var keepAlive = head.KeepAlive && !stopping.IsCancellationRequested;
        await WriteAsync(stream, result, keepAlive, isHead: head.Method == "HEAD", stopping).ConfigureAwait(false);
        return keepAlive;
    }

    /// <summary>The body by Content-Length or chunked coding (RFC 9112 §6.3), or the status to refuse the request with.</summary>
    private static async Task<(byte[]? Body, int Status, string? Problem)> ReadBodyAsync(
        NetworkStream stream, HttpRequestHead head, HttpConnectionReader reader, CancellationToken cancellationToken)
    {
        var transferEncoding = head.Header("Transfer-Encoding");
        var contentLength = head.Header("Content-Length");
        if (transferEncoding is not null)
        {
            // §6.3: with both, the message may be smuggling; a server MAY reject it, and here it does. Only chunked is spoken.
            if (contentLength is not null || !head.IsHttp11)
            {
                return (null, (int)HttpStatusCode.BadRequest, "Transfer-Encoding with Content-Length, or in HTTP/1.0");
            }

            if (!string.Equals(transferEncoding.Trim(), "chunked", StringComparison.OrdinalIgnoreCase))
            {
                return (null, (int)HttpStatusCode.NotImplemented, $"the transfer coding `{transferEncoding}` is not supported");
            }

            await ContinueIfAskedAsync(stream, head, cancellationToken).ConfigureAwait(false);
            var (chunked, tooLarge) = await reader.ReadChunkedAsync(HttpServerLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            return chunked is not null ? (chunked, 0, null)
                : tooLarge ? TooLarge()
                : (null, (int)HttpStatusCode.BadRequest, "the chunked body is malformed or cut short");
        }

        if (contentLength is null)
        {
            return ([], 0, null);
        }

        if (!long.TryParse(contentLength, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
        {
            return (null, (int)HttpStatusCode.BadRequest, "Content-Length is not a number");
        }

        if (length > HttpServerLimits.MaxBodyBytes)
        {
            return TooLarge();
        }

        await ContinueIfAskedAsync(stream, head, cancellationToken).ConfigureAwait(false);
        return await reader.ReadExactAsync((int)length, cancellationToken).ConfigureAwait(false) is { } body
            ? (body, 0, null)
            : (null, (int)HttpStatusCode.BadRequest, "the body is shorter than Content-Length");
    }

    private static (byte[]? Body, int Status, string? Problem) TooLarge() =>
        (null, (int)HttpStatusCode.RequestEntityTooLarge, $"the body is larger than {HttpServerLimits.MaxBodyBytes} bytes");

    // RFC 9110 §10.1.1: a client that sent "Expect: 100-continue" waits for a 100 before it sends the body.
    private static async Task ContinueIfAskedAsync(NetworkStream stream, HttpRequestHead head, CancellationToken cancellationToken)
    {
        if (head.IsHttp11 && head.HasToken("Expect", "100-continue"))
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Answers <paramref name="status"/> and closes, draining what the client still sends so the answer is not lost to a reset.</summary>
    private async Task RefuseAsync(NetworkStream stream, HttpConnectionReader reader, int status, string problem, CancellationToken stopping)
    {
        LogRefused(logger, status, problem);
        await WriteAsync(stream, ApiResult.Json(new ApiError(problem), status), keepAlive: false, isHead: false, stopping).ConfigureAwait(false);
        // A lingering close (RFC 9112 §9.6): stop sending, then read until the client closes, bounded in bytes and time.
        socket.Shutdown(SocketShutdown.Send);
        using var linger = new ConnectionDeadline(HttpServerLimits.LingerTimeout, time, stopping);
        await reader.DrainAsync(HttpServerLimits.MaxLingerBytes, linger.Token).ConfigureAwait(false);
    }

    private async Task WriteAsync(NetworkStream stream, ApiResult result, bool keepAlive, bool isHead, CancellationToken stopping)
    {
        using var deadline = new ConnectionDeadline(HttpServerLimits.WriteTimeout, time, stopping);
        var bytes = HttpResponseWriter.Format(result, keepAlive, isHead);
        await stream.WriteAsync(bytes, deadline.Token).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4030, Level = LogLevel.Debug, Message = "HTTP {Method} {Path} answered {StatusCode}")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Debug, Message = "HTTP request refused with {StatusCode}: {Problem}")]
    private static partial void LogRefused(ILogger logger, int statusCode, string problem);

    [LoggerMessage(EventId = 4032, Level = LogLevel.Debug, Message = "HTTP connection from {Remote} ended: {Reason}")]
    private static partial void LogConnectionEnded(ILogger logger, IPAddress? remote, string reason);

    [LoggerMessage(EventId = 4033, Level = LogLevel.Error, Message = "HTTP {Method} {Path} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method, string path);
}
