using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ProofOfHeat.Sim.Miners.Antminer;

/// <summary>
/// The server side of HTTP Digest as the stock firmware's lighttpd applies it (RFC 7616 with MD5
/// and qop <c>auth</c>): issues nonces, and accepts a request only when its <c>Authorization</c>
/// names the user and realm, echoes a nonce this server issued and that has not expired, names the
/// request's own target as <c>uri</c>, counts <c>nc</c> upwards (no replays), and carries the right
/// response hash for the password.
/// </summary>
internal sealed partial class SimDigestAuthority
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset IssuedAt, long LastCount)> _nonces = [];
    private readonly TimeProvider _time;
    private readonly string _realm;
    private readonly TimeSpan _lifetime;

    /// <summary>Creates the authority for <paramref name="realm"/>.</summary>
    public SimDigestAuthority(TimeProvider time, string realm, TimeSpan nonceLifetime)
    {
        _time = time;
        _realm = realm;
        _lifetime = nonceLifetime;
    }

    /// <summary>A fresh <c>WWW-Authenticate</c> value; <paramref name="stale"/> tells the client only the nonce expired.</summary>
    public string Challenge(bool stale)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var expired in _nonces.Where(n => now - n.Value.IssuedAt > _lifetime).Select(n => n.Key).ToList())
            {
                _nonces.Remove(expired);
            }

            _nonces[nonce] = (now, 0);
        }

        return $"Digest realm=\"{_realm}\", charset=\"UTF-8\", algorithm=MD5, nonce=\"{nonce}\", qop=\"auth\""
            + (stale ? ", stale=true" : "");
    }

    /// <summary>Judges the request's credentials against <paramref name="username"/> and <paramref name="password"/>.</summary>
    public SimDigestVerdict Check(SimHttpRequest request, string username, string password)
    {
        var header = request.Header("Authorization");
        if (header is null || !header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return SimDigestVerdict.Missing;
        }

        var p = Parameters(header["Digest ".Length..]);
        string Get(string name) => p.GetValueOrDefault(name) ?? "";
        if (Get("username") != username || Get("realm") != _realm || Get("uri") != request.Target
            || !Get("qop").Equals("auth", StringComparison.Ordinal) || Get("cnonce").Length == 0
            || !(Get("algorithm") is "" or "MD5")
            || !long.TryParse(Get("nc"), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var count))
        {
            return SimDigestVerdict.Refused;
        }

        var nonce = Get("nonce");
        var ha1 = Md5($"{username}:{_realm}:{password}");
        var ha2 = Md5($"{request.Method}:{Get("uri")}");
        var expected = Md5($"{ha1}:{nonce}:{Get("nc")}:{Get("cnonce")}:auth:{ha2}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Get("response").ToLowerInvariant())))
        {
            return SimDigestVerdict.Refused;
        }

        lock (_gate)
        {
            if (!_nonces.TryGetValue(nonce, out var issued))
            {
                return SimDigestVerdict.Stale;
            }

            if (_time.GetUtcNow() - issued.IssuedAt > _lifetime)
            {
                _nonces.Remove(nonce);
                return SimDigestVerdict.Stale;
            }

            if (count <= issued.LastCount)
            {
                return SimDigestVerdict.Refused;
            }

            _nonces[nonce] = (issued.IssuedAt, count);
        }

        return SimDigestVerdict.Accepted;
    }

    private static Dictionary<string, string> Parameters(string text) =>
        ParameterPattern().Matches(text)
            .GroupBy(m => m.Groups["name"].Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => g.First().Groups["quoted"].Success
                    ? Regex.Replace(g.First().Groups["quoted"].Value, @"\\(.)", "$1", RegexOptions.None, TimeSpan.FromSeconds(1))
                    : g.First().Groups["token"].Value,
                StringComparer.OrdinalIgnoreCase);

#pragma warning disable CA5351 // HTTP Digest as the Antminer firmware speaks it mandates MD5
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    [GeneratedRegex("""(?<name>[A-Za-z0-9_-]+)\s*=\s*(?:"(?<quoted>(?:[^"\\]|\\.)*)"|(?<token>[^\s,]+))""")]
    private static partial Regex ParameterPattern();
}
