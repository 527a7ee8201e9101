using System.Security.Cryptography;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Api.Access;

/// <summary>The configured API tokens, by hash only: a presented token is hashed and compared in constant time.</summary>
internal sealed class ApiTokens
{
    private readonly (byte[] Hash, ApiCaller Caller)[] _tokens;

    /// <summary>Takes the hashes of <paramref name="tokens"/> (validated by the config loader).</summary>
    public ApiTokens(IEnumerable<HttpTokenOptions> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = [.. tokens
            .Where(t => t.Sha256 is { Length: 64 })
            .Select(t => (Convert.FromHexString(t.Sha256!), new ApiCaller($"token:{t.Name}", t.Role)))];
    }

    /// <summary>Whether any token is configured.</summary>
    public bool Any => _tokens.Length > 0;

    /// <summary>The holder of <paramref name="token"/>, or null when it matches none.</summary>
    public ApiCaller? Find(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var presented = Convert.FromHexString(ApiTokenHash.Of(token));
        ApiCaller? found = null;
        foreach (var (hash, caller) in _tokens)
        {
            // Every entry is compared, so the time taken says nothing about which one matched.
            if (CryptographicOperations.FixedTimeEquals(hash, presented))
            {
                found = caller;
            }
        }

        return found;
    }
}
