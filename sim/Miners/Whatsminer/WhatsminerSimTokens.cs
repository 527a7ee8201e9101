using System.Globalization;

namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>
/// The API v2 tokens the miner has handed out (official limits, MicroBT's WhatsMiner API V2.0.5): each lives
/// 30 minutes and one client may hold at most 32. A token is the sign MD5-crypt(key + time, newsalt).
/// </summary>
internal sealed class WhatsminerSimTokens(TimeProvider time)
{
    /// <summary>How long a token is honoured.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>How many live tokens one client may hold.</summary>
    public const int MaximumLive = 32;

    private readonly Dictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private readonly Random _random = new(4028);
    private readonly object _gate = new();

    /// <summary>Issues a token for <paramref name="key"/>; returns its time and newsalt, or null when too many are live.</summary>
    public (string Time, string NewSalt)? Issue(string key)
    {
        lock (_gate)
        {
            Prune();
            if (_issued.Count >= MaximumLive)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var stamp = (now.ToUnixTimeSeconds() % 10000).ToString("0000", CultureInfo.InvariantCulture);
            var newSalt = new string([.. Enumerable.Range(0, 8).Select(_ => "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[_random.Next(56)])]);
            _issued[WhatsminerSimCrypto.Md5CryptHash(key + stamp, newSalt)] = now + Lifetime;
            return (stamp, newSalt);
        }
    }

    /// <summary>Whether <paramref name="sign"/> is a live token.</summary>
    public bool IsValid(string? sign)
    {
        lock (_gate)
        {
            Prune();
            return sign is not null && _issued.ContainsKey(sign);
        }
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _issued.Where(t => t.Value <= now).Select(t => t.Key).ToList())
        {
            _issued.Remove(expired);
        }
    }
}
