using System.Security.Cryptography;

namespace ProofOfHeat.Sim.Miners;

/// <summary>Issued tokens; each lives for the configured time after its last use (every request refreshes it).</summary>
public sealed class SimTokenStore(TimeProvider time, TimeSpan lifetime, int tokenLength = 16)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Dictionary<string, DateTimeOffset> _expiries = [];

    /// <summary>Issues a token.</summary>
    public string Issue()
    {
        var token = RandomNumberGenerator.GetString(Alphabet, tokenLength);
        lock (_expiries)
        {
            _expiries[token] = time.GetUtcNow() + lifetime;
        }

        return token;
    }

    /// <summary>Whether the <c>Authorization</c> value carries a live token (raw or after "Bearer "); refreshes it.</summary>
    public bool Accept(string? authorization)
    {
        var token = authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true ? authorization[7..] : authorization;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var now = time.GetUtcNow();
        lock (_expiries)
        {
            if (!_expiries.TryGetValue(token.Trim(), out var expiry) || expiry <= now)
            {
                return false;
            }

            _expiries[token.Trim()] = now + lifetime;
            return true;
        }
    }

    /// <summary>Forgets every token (the miner rebooted).</summary>
    public void Clear()
    {
        lock (_expiries)
        {
            _expiries.Clear();
        }
    }
}
