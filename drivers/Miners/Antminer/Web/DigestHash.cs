using System.Security.Cryptography;
using System.Text;

namespace ProofOfHeat.Drivers.Miners.Antminer.Web;

/// <summary>
/// The Digest computations of RFC 7616 §3.4.1–3.4.3 (and RFC 2617 §3.2.2, which it keeps): the
/// secret HA1, the request hash HA2 and the response, for MD5 and SHA-256 and their <c>-sess</c> forms.
/// </summary>
internal static class DigestHash
{
    /// <summary>Whether <paramref name="algorithm"/> is one this client computes.</summary>
    public static bool Supports(string algorithm) =>
        algorithm.ToUpperInvariant() is "MD5" or "MD5-SESS" or "SHA-256" or "SHA-256-SESS";

    /// <summary>
    /// The <c>response</c> value: <c>H(HA1:nonce:nc:cnonce:qop:HA2)</c> with a qop, <c>H(HA1:nonce:HA2)</c> without,
    /// where <c>HA1 = H(user:realm:password)</c> (for <c>-sess</c>, <c>H(that:nonce:cnonce)</c>) and <c>HA2 = H(method:uri)</c>.
    /// </summary>
    public static string Response(
        string algorithm,
        string username,
        string realm,
        string password,
        string method,
        string uri,
        string nonce,
        string? qop,
        string nonceCount,
        string clientNonce)
    {
        var ha1 = Hex(algorithm, $"{username}:{realm}:{password}");
        if (algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase))
        {
            ha1 = Hex(algorithm, $"{ha1}:{nonce}:{clientNonce}");
        }

        var ha2 = Hex(algorithm, $"{method}:{uri}");
        return qop is null
            ? Hex(algorithm, $"{ha1}:{nonce}:{ha2}")
            : Hex(algorithm, $"{ha1}:{nonce}:{nonceCount}:{clientNonce}:{qop}:{ha2}");
    }

    /// <summary>The lower-case hex digest of <paramref name="text"/> (UTF-8) under <paramref name="algorithm"/>.</summary>
    public static string Hex(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5351 // HTTP Digest as the Antminer firmware speaks it mandates MD5
        var digest = algorithm.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase) ? SHA256.HashData(bytes) : MD5.HashData(bytes);
#pragma warning restore CA5351
        return Convert.ToHexStringLower(digest);
    }
}
