using System.Security.Cryptography;
using System.Text;

namespace ProofOfHeat.Host.Api.Access;

/// <summary>
/// The SHA-256 of a token, as lowercase hex. A plain hash suffices because tokens are long random strings (the
/// config demands 16 characters or more): a slow password hash such as PBKDF2 protects guessable secrets, and
/// would cost every request milliseconds.
/// </summary>
internal static class ApiTokenHash
{
    /// <summary>The hex SHA-256 of the UTF-8 bytes of <paramref name="token"/>.</summary>
    public static string Of(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
