namespace ProofOfHeat.Host.Api;

/// <summary>The HTTP methods the API speaks, compared as ASP.NET's <c>HttpMethods</c> did (case-insensitively).</summary>
internal static class ApiMethods
{
    public const string Get = "GET";
    public const string Head = "HEAD";
    public const string Put = "PUT";
    public const string Post = "POST";
    public const string Delete = "DELETE";
    public const string Options = "OPTIONS";

    /// <summary>Whether <paramref name="method"/> is <paramref name="expected"/>.</summary>
    public static bool Is(string method, string expected) => string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>GET or HEAD: a read.</summary>
    public static bool IsRead(string method) => Is(method, Get) || Is(method, Head);
}
