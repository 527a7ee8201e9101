using System.Net;
using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Http;
using ProofOfHeat.Drivers.Miners.Json;

namespace ProofOfHeat.Drivers.Miners.VNish;

/// <summary>
/// The VNish REST API at <c>http://host:port/api/v1/</c>: reads that need no auth go without it;
/// the others unlock with the web password for a token sent as <c>Authorization: Bearer</c>, and
/// unlock again once when the token is refused. Transport and HTTP failures become the
/// contract's exceptions; every request is bounded by the reply timeout on the injected clock.
/// </summary>
internal sealed class VNishRestClient : IDisposable
{
    /// <summary>The default web password of VNish.</summary>
    public const string DefaultPassword = "admin";

    private readonly MinerJsonHttp _http;
    private readonly MinerEndpoint _endpoint;
    private string? _token;

    /// <summary>Creates the client; no I/O until the first request.</summary>
    public VNishRestClient(MinerEndpoint endpoint, MinerDriverContext context)
    {
        _endpoint = endpoint;
        _http = new MinerJsonHttp("VNish", endpoint, "/api/v1/", context);
    }

    /// <summary>GETs a path that needs no auth.</summary>
    public async Task<JsonElement> GetOpenAsync(string path, CancellationToken cancellationToken)
    {
        var (status, reply) = await SendAsync(HttpMethod.Get, path, null, null, cancellationToken);
        return Check(path, status, reply) ?? throw Protocol(path, "an empty answer");
    }

    /// <summary>GETs a path that needs the token.</summary>
    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        await SendAuthorisedAsync(HttpMethod.Get, path, null, cancellationToken) ?? throw Protocol(path, "an empty answer");

    /// <summary>POSTs <paramref name="body"/> (JSON, or none) to a path that needs the token; returns the answer, if any.</summary>
    public Task<JsonElement?> PostAsync(string path, string? body, CancellationToken cancellationToken) =>
        SendAuthorisedAsync(HttpMethod.Post, path, body, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonElement?> SendAuthorisedAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        _token ??= await UnlockAsync(cancellationToken);
        var (status, reply) = await SendAsync(method, path, body, _token, cancellationToken);
        if (status == HttpStatusCode.Unauthorized)
        {
            // The miner rebooted or dropped the token: one fresh unlock, then the answer stands.
            _token = await UnlockAsync(cancellationToken);
            (status, reply) = await SendAsync(method, path, body, _token, cancellationToken);
        }

        return Check(path, status, reply);
    }

    private async Task<string> UnlockAsync(CancellationToken cancellationToken)
    {
        var body = VNishReplyParser.UnlockBody(_endpoint.Password ?? DefaultPassword);
        var (status, reply) = await SendAsync(HttpMethod.Post, VNishPaths.Unlock, body, null, cancellationToken);
        switch (status)
        {
            case HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized:
                throw new MinerAuthenticationException($"VNish at {_endpoint.Host} refused the web password.");
            case HttpStatusCode.TooManyRequests:
                var wait = reply is { } json ? JsonValues.Number(json, "unlock_timeout") : null;
                throw new MinerAuthenticationException($"VNish at {_endpoint.Host} locked unlocking after too many wrong passwords (for {wait} s).");
        }

        return VNishReplyParser.ParseToken(Check(VNishPaths.Unlock, status, reply) ?? throw Protocol(VNishPaths.Unlock, "an empty answer"));
    }

    private JsonElement? Check(string path, HttpStatusCode status, JsonElement? reply)
    {
        if ((int)status is >= 200 and < 300)
        {
            return reply;
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new MinerAuthenticationException($"VNish at {_endpoint.Host} refused the token for {path}.");
        }

        var error = reply is { ValueKind: JsonValueKind.Object } json ? JsonValues.Text(json, "err") : null;
        throw Protocol(path, $"HTTP {(int)status}{(error is null ? "" : ": " + error.Trim())}");
    }

    // The unlock token goes as "Authorization: Bearer <token>" (the class summary says where that is from).
    private Task<(HttpStatusCode Status, JsonElement? Reply)> SendAsync(
        HttpMethod method, string path, string? body, string? token, CancellationToken cancellationToken) =>
        _http.SendAsync(method, path, body, token is null ? null : "Bearer " + token, cancellationToken);

    private MinerProtocolException Protocol(string path, string what) => _http.Protocol(path, what);
}
