using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Http;

/// <summary>
/// JSON over HTTP to one miner's REST API (Braiins OS, VNish): one pooled connection, no redirects or cookies, every
/// request bounded by the reply timeout on the injected clock, and transport failures turned into the contract's
/// exceptions — a timeout or a refused connection is unreachable, bytes that are not HTTP or JSON are a protocol error.
/// The status is returned as it is: what 401 or 412 mean is the firmware's, so its client decides.
/// </summary>
public sealed class MinerJsonHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly MinerDriverContext _context;
    private readonly Uri _base;

    /// <summary>Creates the transport for <paramref name="endpoint"/>'s API under <paramref name="basePath"/>; no I/O yet.</summary>
    /// <param name="firmware">The firmware's name, as messages say it (<c>VNish</c>).</param>
    /// <param name="endpoint">The miner (host and HTTP port).</param>
    /// <param name="basePath">The API's root path, with a trailing slash (<c>/api/v1/</c>).</param>
    /// <param name="context">The driver's clock and timeouts.</param>
    public MinerJsonHttp(string firmware, MinerEndpoint endpoint, string basePath, MinerDriverContext context)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        Who = $"{firmware} at {endpoint.Host}";
        _context = context;
        _base = new UriBuilder(Uri.UriSchemeHttp, endpoint.Host, endpoint.HttpPort, basePath).Uri;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = context.Timeouts.Connect,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AllowAutoRedirect = false,
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The firmware and host, as messages start (<c>VNish at 10.0.0.5</c>).</summary>
    public string Who { get; }

    /// <summary>Sends one request; <paramref name="authorization"/> is the whole header value (<c>Bearer …</c>) or null.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the API's root.</param>
    /// <param name="body">The JSON body, or null for none.</param>
    /// <param name="authorization">The <c>Authorization</c> header's value, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status and the answer's JSON (null when the body is empty).</returns>
    public async Task<(HttpStatusCode Status, JsonElement? Reply)> SendAsync(
        HttpMethod method, string path, string? body, string? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base, path));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var timeout = new CancellationTokenSource(_context.Timeouts.Reply, _context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : ParseJson(path, text));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MinerUnreachableException($"{Who} did not answer {path} within {_context.Timeouts.Reply}.", ex);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded)
        {
            // A refused or dropped connection is a ConnectionError; bytes that end before a response are garbage.
            throw new MinerProtocolException($"{Who} answered {path} with something that is not HTTP.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new MinerUnreachableException($"{Who} could not be reached for {path}: {ex.Message}", ex);
        }
    }

    /// <summary>A protocol error about <paramref name="path"/>'s answer: <c>{Who} answered {path} with {what}.</c></summary>
    public MinerProtocolException Protocol(string path, string what) => new($"{Who} answered {path} with {what}.");

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private JsonElement ParseJson(string path, string text)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException ex)
        {
            throw new MinerProtocolException($"{Who} answered {path} with malformed JSON.", ex);
        }
    }
}
