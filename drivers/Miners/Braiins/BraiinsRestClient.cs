using System.Net;
using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Http;

namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>
/// The Braiins OS REST API at <c>http://host:port/api/v1/</c>: logs in for a token, sends it in the
/// <c>Authorization</c> header, logs in again once when the token is refused, and turns transport
/// and HTTP failures into the contract's exceptions. Every request is bounded by the reply timeout
/// on the injected clock.
/// </summary>
internal sealed class BraiinsRestClient : IDisposable
{
    /// <summary>The default web user of Braiins OS.</summary>
    public const string DefaultUsername = "root";

    /// <summary>The default web password of Braiins OS (some images ship with none).</summary>
    public const string DefaultPassword = "root";

    // Renew a little before the miner forgets the token, so a poll never races its expiry.
    private static readonly TimeSpan RenewMargin = TimeSpan.FromSeconds(60);
    private readonly MinerJsonHttp _http;
    private readonly MinerEndpoint _endpoint;
    private readonly MinerDriverContext _context;
    private string? _token;
    private string? _defaultPassword;
    private DateTimeOffset _tokenRenewAt;

    /// <summary>Creates the client; no I/O until the first request.</summary>
    public BraiinsRestClient(MinerEndpoint endpoint, MinerDriverContext context)
    {
        _endpoint = endpoint;
        _context = context;
        _http = new MinerJsonHttp("Braiins OS", endpoint, "/api/v1/", context);
    }

    /// <summary>GETs <paramref name="path"/> (relative to <c>/api/v1/</c>) and returns its JSON.</summary>
    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        await SendAuthorisedAsync(HttpMethod.Get, path, null, cancellationToken) ?? throw Protocol(path, "an empty answer");

    /// <summary>PUTs <paramref name="body"/> (JSON, or none) to <paramref name="path"/>; returns the answer's JSON, if any.</summary>
    public Task<JsonElement?> PutAsync(string path, string? body, CancellationToken cancellationToken) =>
        SendAuthorisedAsync(HttpMethod.Put, path, body, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonElement?> SendAuthorisedAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        var token = await EnsureTokenAsync(cancellationToken);
        var (status, reply) = await SendAsync(method, path, body, token, cancellationToken);
        if (status == HttpStatusCode.Unauthorized)
        {
            // The miner restarted or dropped the token: one fresh login, then the answer stands.
            _token = null;
            token = await EnsureTokenAsync(cancellationToken);
            (status, reply) = await SendAsync(method, path, body, token, cancellationToken);
        }

        return status switch
        {
            HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.Created => reply,
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                throw new MinerAuthenticationException($"Braiins OS at {_endpoint.Host} refused the token for {path}."),
            HttpStatusCode.PreconditionFailed => throw new BraiinsNotRunningException($"Braiins OS at {_endpoint.Host}: bosminer is not running."),
            _ => throw Protocol(path, $"HTTP {(int)status}"),
        };
    }

    private async Task<string> EnsureTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } token && _context.Time.GetUtcNow() < _tokenRenewAt)
        {
            return token;
        }

        // With no password configured, try the default and then none (some images ship without one).
        string[] passwords = _endpoint.Password is { } configured ? [configured] : [_defaultPassword ?? DefaultPassword, ""];
        var user = _endpoint.Username ?? DefaultUsername;
        (HttpStatusCode Status, JsonElement? Reply) answer = default;
        foreach (var password in passwords.Distinct())
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["username"] = user, ["password"] = password });
            answer = await SendAsync(HttpMethod.Post, "auth/login", body, null, cancellationToken);
            if (answer.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                _defaultPassword = _endpoint.Password is null ? password : null;
                break;
            }
        }

        var (status, reply) = answer;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new MinerAuthenticationException($"Braiins OS at {_endpoint.Host} refused the login for user '{user}'.");
        }

        if (status != HttpStatusCode.OK || reply is not { } json)
        {
            throw Protocol("auth/login", $"HTTP {(int)status}");
        }

        var login = BraiinsReplyParser.ParseLogin(json);
        _token = login.Token;
        _tokenRenewAt = _context.Time.GetUtcNow() + (login.Lifetime > RenewMargin * 2 ? login.Lifetime - RenewMargin : login.Lifetime / 2);
        return login.Token;
    }

    private Task<(HttpStatusCode Status, JsonElement? Reply)> SendAsync(
        HttpMethod method, string path, string? body, string? token, CancellationToken cancellationToken) =>
        _http.SendAsync(method, path, body, token, cancellationToken);

    private MinerProtocolException Protocol(string path, string what) => _http.Protocol(path, what);
}
