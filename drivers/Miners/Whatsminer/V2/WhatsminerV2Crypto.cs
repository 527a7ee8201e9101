using System.Security.Cryptography;
using System.Text;
using ProofOfHeat.Drivers.Miners.Whatsminer.Crypto;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>
/// The API v2 write-command crypto (MicroBT's WhatsMiner API V2.0.5): the key is the MD5-crypt
/// hash of the admin password with the token's salt, the sign is the MD5-crypt hash of key + time
/// with the new salt, and commands are AES-256-ECB with SHA-256(key), zero-padded, in Base64.
/// </summary>
public static class WhatsminerV2Crypto
{
    private const int BlockSize = 16;

    /// <summary>The key (pyasic's <c>host_passwd_md5</c>): the hash part of MD5-crypt(password, salt).</summary>
    public static string DeriveKey(string password, string salt) => Md5Crypt.HashPart(password, salt);

    /// <summary>The token sent in write commands (pyasic's <c>host_sign</c>): MD5-crypt(key + time, newsalt).</summary>
    public static string DeriveSign(string key, string time, string newSalt) => Md5Crypt.HashPart(key + time, newSalt);

    /// <summary>The AES-256 key: the raw SHA-256 digest of the key text.</summary>
    public static byte[] DeriveAesKey(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Zero-pads the UTF-8 text to whole blocks, encrypts it with AES-256-ECB and returns Base64.</summary>
    public static string Encrypt(byte[] aesKey, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(aesKey);
        ArgumentNullException.ThrowIfNull(plaintext);
        var bytes = Encoding.UTF8.GetBytes(plaintext);
        var padded = new byte[(bytes.Length + BlockSize - 1) / BlockSize * BlockSize];
        bytes.CopyTo(padded, 0);
        using var aes = CreateAes(aesKey);
        return Convert.ToBase64String(aes.EncryptEcb(padded, PaddingMode.None));
    }

    /// <summary>Decodes Base64, decrypts AES-256-ECB and strips the zero padding.</summary>
    /// <exception cref="FormatException">The text is not Base64 or not whole AES blocks.</exception>
    public static string Decrypt(byte[] aesKey, string base64)
    {
        ArgumentNullException.ThrowIfNull(aesKey);
        ArgumentNullException.ThrowIfNull(base64);
        var cipher = Convert.FromBase64String(base64);
        if (cipher.Length == 0 || cipher.Length % BlockSize != 0)
        {
            throw new FormatException($"the ciphertext is {cipher.Length} bytes, not whole AES blocks");
        }

        using var aes = CreateAes(aesKey);
        var plain = aes.DecryptEcb(cipher, PaddingMode.None);
        var length = plain.Length;
        while (length > 0 && plain[length - 1] == 0)
        {
            length--;
        }

        return Encoding.UTF8.GetString(plain, 0, length);
    }

    private static Aes CreateAes(byte[] aesKey)
    {
        var aes = Aes.Create();
        aes.Key = aesKey;
        return aes;
    }
}
