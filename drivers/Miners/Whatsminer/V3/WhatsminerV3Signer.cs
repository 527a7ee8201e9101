using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V3;

/// <summary>
/// Signs API v3 <c>set.*</c> commands (MicroBT's WhatsMiner API V3, as pyasic and asic-rs speak it): the token is the first 8 characters of
/// Base64(SHA-256(cmd + password + salt + ts)).
/// </summary>
public static class WhatsminerV3Signer
{
    /// <summary>The default account for writes.</summary>
    public const string DefaultAccount = "super";

    /// <summary>The default password of <see cref="DefaultAccount"/>.</summary>
    public const string DefaultPassword = "super";

    /// <summary>The token for <paramref name="command"/> at Unix time <paramref name="ts"/>.</summary>
    public static string Token(string command, string password, string salt, long ts)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(salt);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(command + password + salt + ts.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToBase64String(digest)[..8];
    }
}
