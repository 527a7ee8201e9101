using System.Globalization;
using System.Security.Cryptography;

namespace ProofOfHeat.Drivers.Miners.Antminer.Web;

/// <summary>
/// The client side of HTTP Digest for one server: remembers the last challenge so later requests
/// authenticate at once, counts the nonce's uses (<c>nc</c>) and makes a fresh client nonce per request.
/// </summary>
internal sealed class DigestAuthenticator
{
    private readonly Lock _gate = new();
    private readonly string _username;
    private readonly string _password;
    private DigestChallenge? _challenge;
    private int _nonceCount;

    /// <summary>Creates the authenticator for one user.</summary>
    public DigestAuthenticator(string username, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        _username = username;
        _password = password;
    }

    /// <summary>Whether a challenge is known, so requests can carry credentials before being asked.</summary>
    public bool HasChallenge
    {
        get
        {
            lock (_gate)
            {
                return _challenge is not null;
            }
        }
    }

    /// <summary>Takes the server's (new) challenge; the nonce count starts again.</summary>
    public void Accept(DigestChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        lock (_gate)
        {
            _challenge = challenge;
            _nonceCount = 0;
        }
    }

    /// <summary>
    /// The <c>Authorization</c> parameters (after <c>Digest </c>) for <paramref name="method"/> on
    /// <paramref name="uri"/> (the request target, path and query), or null before any challenge.
    /// </summary>
    public string? Authorize(string method, string uri)
    {
        DigestChallenge challenge;
        int count;
        lock (_gate)
        {
            if (_challenge is null)
            {
                return null;
            }

            challenge = _challenge;
            count = ++_nonceCount;
        }

        var nc = count.ToString("x8", CultureInfo.InvariantCulture);
        var cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var response = DigestHash.Response(
            challenge.Algorithm, _username, challenge.Realm, _password, method, uri, challenge.Nonce, challenge.Qop, nc, cnonce);
        var parts = new List<string>
        {
            "username=" + DigestParameters.Quote(_username),
            "realm=" + DigestParameters.Quote(challenge.Realm),
            "nonce=" + DigestParameters.Quote(challenge.Nonce),
            "uri=" + DigestParameters.Quote(uri),
            "algorithm=" + challenge.Algorithm,
            "response=" + DigestParameters.Quote(response),
        };
        if (challenge.Qop is not null)
        {
            parts.Add("qop=" + challenge.Qop);
            parts.Add("nc=" + nc);
            parts.Add("cnonce=" + DigestParameters.Quote(cnonce));
        }

        if (challenge.Opaque is not null)
        {
            parts.Add("opaque=" + DigestParameters.Quote(challenge.Opaque));
        }

        return string.Join(", ", parts);
    }
}
