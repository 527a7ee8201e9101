using System.Security.Cryptography;
using System.Text;

namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>
/// The miner's side of the Whatsminer crypto: crypt(3) <c>$1$</c> MD5-crypt (as in /etc/shadow,
/// which is where the v2 key comes from), AES-256-ECB with zero padding, and the v3 SHA-256 token.
/// Written apart from the driver's so that each checks the other against the same wire.
/// </summary>
internal static class WhatsminerSimCrypto
{
    private const string Alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

#pragma warning disable CA5351 // the miner protocol mandates MD5-crypt
    /// <summary>The 22-character hash of crypt(password, "$1$" + salt).</summary>
    public static string Md5CryptHash(string password, string salt)
    {
        var pw = Encoding.UTF8.GetBytes(password);
        var s = Encoding.UTF8.GetBytes(salt.Length > 8 ? salt[..8] : salt);

        using var alt = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        alt.AppendData(pw);
        alt.AppendData(s);
        alt.AppendData(pw);
        var altSum = alt.GetHashAndReset();

        using var ctx = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        ctx.AppendData(pw);
        ctx.AppendData("$1$"u8);
        ctx.AppendData(s);
        var remaining = pw.Length;
        while (remaining > 0)
        {
            ctx.AppendData(altSum, 0, Math.Min(remaining, 16));
            remaining -= 16;
        }

        for (var n = pw.Length; n > 0; n /= 2)
        {
            ctx.AppendData(n % 2 == 1 ? [0] : pw.AsSpan(0, 1));
        }

        var sum = ctx.GetHashAndReset();
        for (var round = 0; round < 1000; round++)
        {
            var odd = round % 2 == 1;
            ctx.AppendData(odd ? pw : sum);
            if (round % 3 > 0)
            {
                ctx.AppendData(s);
            }

            if (round % 7 > 0)
            {
                ctx.AppendData(pw);
            }

            ctx.AppendData(odd ? sum : pw);
            sum = ctx.GetHashAndReset();
        }

        var text = new StringBuilder();
        void Put(int a, int b, int c, int count)
        {
            var v = (sum[a] << 16) | (sum[b] << 8) | sum[c];
            for (var i = 0; i < count; i++, v >>= 6)
            {
                text.Append(Alphabet[v & 63]);
            }
        }

        Put(0, 6, 12, 4);
        Put(1, 7, 13, 4);
        Put(2, 8, 14, 4);
        Put(3, 9, 15, 4);
        Put(4, 10, 5, 4);
        var last = sum[11];
        text.Append(Alphabet[last & 63]).Append(Alphabet[last >> 6]);
        return text.ToString();
    }
#pragma warning restore CA5351

    /// <summary>AES-256-ECB over the zero-padded UTF-8 text, in Base64.</summary>
    public static string Seal(byte[] key, string text)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        Array.Resize(ref plain, (plain.Length + 15) / 16 * 16);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptEcb(plain, PaddingMode.None));
    }

    /// <summary>Opens <see cref="Seal"/>'s output; null when it is not whole blocks.</summary>
    /// <exception cref="FormatException">Not Base64.</exception>
    public static string? Open(byte[] key, string base64)
    {
        var cipher = Convert.FromBase64String(base64);
        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            return null;
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptEcb(cipher, PaddingMode.None);
        return Encoding.UTF8.GetString(plain).TrimEnd('\0');
    }

    /// <summary>The AES key of a v2 key: its raw SHA-256.</summary>
    public static byte[] AesKey(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The v3 token: the first 8 characters of Base64(SHA-256(cmd + password + salt + ts)).</summary>
    public static string V3Token(string command, string password, string salt, string ts) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(command + password + salt + ts)))[..8];
}
