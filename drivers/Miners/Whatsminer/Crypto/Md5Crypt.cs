using System.Security.Cryptography;
using System.Text;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Crypto;

/// <summary>
/// The FreeBSD/crypt(3) <c>$1$</c> MD5-crypt password hash (Poul-Henning Kamp, 1994), which
/// Whatsminer's API v2 uses to derive its keys. It equals <c>openssl passwd -1 -salt SALT PASSWORD</c>.
/// The BCL has no crypt(3), so it is written here from the algorithm's public description.
/// </summary>
public static class Md5Crypt
{
    private const string Magic = "$1$";
    private const int MaxSaltLength = 8;
    private const int Rounds = 1000;
    private const string Itoa64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // The 16 digest bytes are emitted in this order, three at a time, then the last one alone.
    private static readonly int[][] OutputGroups = [[0, 6, 12], [1, 7, 13], [2, 8, 14], [3, 9, 15], [4, 10, 5]];

    /// <summary>
    /// Hashes <paramref name="password"/> with <paramref name="salt"/> and returns the whole
    /// <c>$1$salt$hash</c> string. The salt may carry the <c>$1$</c> prefix; it is cut at the first
    /// <c>$</c> and to 8 characters, as crypt(3) does.
    /// </summary>
    public static string Hash(string password, string salt)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(salt);
        var saltText = NormaliseSalt(salt);
        return Magic + saltText + "$" + HashCore(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(saltText));
    }

    /// <summary>Only the 22-character hash part of <see cref="Hash"/> (what Whatsminer calls the key or sign).</summary>
    public static string HashPart(string password, string salt)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(salt);
        return HashCore(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(NormaliseSalt(salt)));
    }

    private static string NormaliseSalt(string salt)
    {
        if (salt.StartsWith(Magic, StringComparison.Ordinal))
        {
            salt = salt[Magic.Length..];
        }

        var end = salt.IndexOf('$', StringComparison.Ordinal);
        if (end >= 0)
        {
            salt = salt[..end];
        }

        return salt.Length > MaxSaltLength ? salt[..MaxSaltLength] : salt;
    }

#pragma warning disable CA5351 // crypt(3) $1$ is MD5 by definition, and the miner protocol mandates it
    private static string HashCore(byte[] password, byte[] salt)
    {
        var magic = Encoding.ASCII.GetBytes(Magic);

        // The "alternate" digest of password + salt + password seeds the main one.
        var alternate = MD5.HashData([.. password, .. salt, .. password]);

        var main = new List<byte>(password.Length * 4 + 64);
        main.AddRange(password);
        main.AddRange(magic);
        main.AddRange(salt);
        for (var left = password.Length; left > 0; left -= 16)
        {
            main.AddRange(alternate.AsSpan(0, Math.Min(16, left)).ToArray());
        }

        // A historical quirk: for each bit of the length, a zero byte (bit set) or the first password byte (bit clear).
        for (var bits = password.Length; bits != 0; bits >>= 1)
        {
            main.Add((bits & 1) != 0 ? (byte)0 : password[0]);
        }

        var digest = MD5.HashData(main.ToArray());

        // Deliberately slow: 1000 rounds mixing the digest, password and salt in a fixed pattern.
        var round = new List<byte>(password.Length * 3 + salt.Length + 32);
        for (var i = 0; i < Rounds; i++)
        {
            round.Clear();
            round.AddRange((i & 1) != 0 ? password : digest);
            if (i % 3 != 0)
            {
                round.AddRange(salt);
            }

            if (i % 7 != 0)
            {
                round.AddRange(password);
            }

            round.AddRange((i & 1) != 0 ? digest : password);
            digest = MD5.HashData(round.ToArray());
        }

        return Encode(digest);
    }
#pragma warning restore CA5351

    private static string Encode(byte[] digest)
    {
        var text = new StringBuilder(22);
        foreach (var group in OutputGroups)
        {
            AppendBase64((digest[group[0]] << 16) | (digest[group[1]] << 8) | digest[group[2]], 4, text);
        }

        AppendBase64(digest[11], 2, text);
        return text.ToString();
    }

    private static void AppendBase64(int value, int characters, StringBuilder text)
    {
        for (var i = 0; i < characters; i++)
        {
            text.Append(Itoa64[value & 0x3f]);
            value >>= 6;
        }
    }
}
