using System.Net.Http.Headers;

namespace ProofOfHeat.Drivers.Miners.Antminer.Web;

/// <summary>
/// A server's Digest challenge (<c>WWW-Authenticate: Digest realm=…, nonce=…, qop="auth", …</c>,
/// RFC 7616 §3.3). The stock Antminer's lighttpd sends realm <c>antMiner Configuration</c>, MD5 and
/// qop <c>auth</c>.
/// </summary>
/// <param name="Realm">The protection space, part of the hashed secret.</param>
/// <param name="Nonce">The server's nonce.</param>
/// <param name="Opaque">Data the client must echo, or null.</param>
/// <param name="Qop">The chosen quality of protection: <c>auth</c>, or null for the RFC 2069 form without one.</param>
/// <param name="Algorithm">The hash algorithm as the server named it (MD5 when absent).</param>
/// <param name="Stale">Whether the server refused only because the nonce expired.</param>
internal sealed record DigestChallenge(string Realm, string Nonce, string? Opaque, string? Qop, string Algorithm, bool Stale)
{
    /// <summary>The Digest challenge among <paramref name="headers"/>' <c>WWW-Authenticate</c> values that this client can answer, or null.</summary>
    public static DigestChallenge? From(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.WwwAuthenticate
            .Where(h => string.Equals(h.Scheme, "Digest", StringComparison.OrdinalIgnoreCase) && h.Parameter is not null)
            .Select(h => Parse(h.Parameter!))
            .FirstOrDefault(c => c is not null);
    }

    /// <summary>Parses the parameters after <c>Digest </c>; null when malformed or when it asks for what this client cannot do.</summary>
    public static DigestChallenge? Parse(string parameters)
    {
        var p = DigestParameters.Parse(parameters);
        if (p is null || !p.TryGetValue("realm", out var realm) || !p.TryGetValue("nonce", out var nonce))
        {
            return null;
        }

        var algorithm = p.GetValueOrDefault("algorithm") ?? "MD5";
        if (!DigestHash.Supports(algorithm))
        {
            return null;
        }

        string? qop = null;
        if (p.TryGetValue("qop", out var offered))
        {
            // auth-int (hashing the body) is not offered by any miner firmware we know; without auth we cannot answer.
            if (!offered.Split(',').Any(q => q.Trim().Equals("auth", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            qop = "auth";
        }

        return new DigestChallenge(
            realm,
            nonce,
            p.GetValueOrDefault("opaque"),
            qop,
            algorithm,
            string.Equals(p.GetValueOrDefault("stale"), "true", StringComparison.OrdinalIgnoreCase));
    }
}
