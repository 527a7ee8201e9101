namespace ProofOfHeat.Host.Api.Access;

/// <summary>What <see cref="ApiGate"/> decided: let the request through as <see cref="Caller"/>, or answer <see cref="StatusCode"/>.</summary>
/// <param name="Caller">Who the request is from; null for an anonymous request to an open endpoint or a refused one.</param>
/// <param name="StatusCode">0 when allowed, else the refusal's status code (401, 403, 421).</param>
/// <param name="Reason">Why it was refused, for the answer and the audit log.</param>
/// <param name="Challenge">For a 401, the <c>WWW-Authenticate</c> header value.</param>
internal sealed record ApiGateDecision(ApiCaller? Caller, int StatusCode, string? Reason, string? Challenge)
{
    /// <summary>Whether the request may go on.</summary>
    public bool Allowed => StatusCode == 0;

    /// <summary>Lets the request through.</summary>
    public static ApiGateDecision Allow(ApiCaller? caller) => new(caller, 0, null, null);

    /// <summary>Refuses with <paramref name="statusCode"/>.</summary>
    public static ApiGateDecision Refuse(int statusCode, string reason) => new(null, statusCode, reason, null);

    /// <summary>
    /// A 401 with the bearer challenge of RFC 6750 §3: <c>Bearer realm="poh"</c>, plus <c>error="invalid_token"</c>
    /// when a token was sent but is not valid.
    /// </summary>
    public static ApiGateDecision Unauthorized(string? error, string reason) =>
        new(null, (int)System.Net.HttpStatusCode.Unauthorized, reason, error is null ? "Bearer realm=\"poh\"" : $"Bearer realm=\"poh\", error=\"{error}\"");
}
