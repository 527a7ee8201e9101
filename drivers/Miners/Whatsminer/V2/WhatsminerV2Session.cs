namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>
/// What a <c>get_token</c> exchange yields: the sign that goes into write commands and the AES key
/// they are encrypted with. The miner keeps a token for 30 minutes.
/// </summary>
/// <param name="Sign">The token text for the <c>token</c> field.</param>
/// <param name="AesKey">The AES-256 key for this token.</param>
/// <param name="IssuedAt">When the token was obtained (the driver's clock).</param>
public sealed record WhatsminerV2Session(string Sign, byte[] AesKey, DateTimeOffset IssuedAt)
{
    /// <summary>How long the miner honours a token.</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(30);

    /// <summary>Derives the session from a <c>get_token</c> reply's time, salt and newsalt and the admin password.</summary>
    public static WhatsminerV2Session Create(string password, WhatsminerV2TokenGrant grant, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var key = WhatsminerV2Crypto.DeriveKey(password, grant.Salt);
        return new(WhatsminerV2Crypto.DeriveSign(key, grant.Time, grant.NewSalt), WhatsminerV2Crypto.DeriveAesKey(key), issuedAt);
    }

    /// <summary>Whether the token is still safely inside its lifetime at <paramref name="now"/>, with a minute to spare.</summary>
    public bool IsFresh(DateTimeOffset now) => now - IssuedAt < Lifetime - TimeSpan.FromMinutes(1);
}
