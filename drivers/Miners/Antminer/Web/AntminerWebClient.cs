using System.Net;
using System.Text;
using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Antminer.Web;

/// <summary>
/// The stock firmware's cgi API on the web port (<c>/cgi-bin/&lt;name&gt;.cgi</c>), behind HTTP
/// Digest. Translates every failure into the driver contract's exceptions: a refused password into
/// <see cref="MinerAuthenticationException"/>, a dead or stalled server into
/// <see cref="MinerUnreachableException"/>, anything unreadable into <see cref="MinerProtocolException"/>.
/// </summary>
internal sealed class AntminerWebClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly Uri _base;

    /// <summary>Creates the client for <paramref name="endpoint"/> (user <c>root</c>, password <c>root</c> unless given).</summary>
    public AntminerWebClient(MinerEndpoint endpoint, MinerTimeouts timeouts, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(timeouts);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _base = new UriBuilder(Uri.UriSchemeHttp, endpoint.Host, endpoint.HttpPort).Uri;
        var sockets = new SocketsHttpHandler
        {
            ConnectTimeout = timeouts.Connect,
            AllowAutoRedirect = false,
            UseProxy = false,
            // The firmware's lighttpd closes idle connections quickly; do not keep stale ones around.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
        };
        var digest = new DigestAuthenticator(endpoint.Username ?? "root", endpoint.Password ?? "root");
        _http = new HttpClient(new DigestAuthHandler(digest, sockets)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>GETs <c>/cgi-bin/{name}.cgi</c> and returns its JSON, or null when the firmware has no such endpoint (404).</summary>
    public Task<JsonElement?> GetAsync(string name, TimeSpan timeout, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, name, null, timeout, cancellationToken);

    /// <summary>POSTs <paramref name="json"/> to <c>/cgi-bin/{name}.cgi</c> and returns the reply's JSON.</summary>
    public async Task<JsonElement> PostAsync(string name, string json, TimeSpan timeout, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, name, json, timeout, cancellationToken)
        ?? throw new MinerProtocolException($"The firmware has no /cgi-bin/{name}.cgi.");

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonElement?> SendAsync(HttpMethod method, string name, string? json, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = $"/cgi-bin/{name}.cgi";
        using var request = new HttpRequestMessage(method, new Uri(_base, path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new MinerAuthenticationException($"The miner refused the web login for {method} {path} (HTTP 401).");
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new MinerProtocolException($"{method} {path} answered HTTP {(int)response.StatusCode}.");
            }

            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            return Parse(body, path);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MinerUnreachableException($"{method} {path} got no reply within {timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.InvalidResponse)
        {
            throw new MinerProtocolException($"{method} {path} got something that is not HTTP: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            // Refused, reset, or closed before the reply ended: what a rebooting miner does.
            throw new MinerUnreachableException($"{method} {path} could not reach the miner: {ex.Message}", ex);
        }
    }

    private static JsonElement Parse(byte[] body, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new MinerProtocolException($"{path} did not answer JSON.", ex);
        }
    }
}
