namespace ProofOfHeat.Host.Api;

/// <summary>Splits a request path into its unescaped segments for <see cref="BrainApi"/>'s patterns.</summary>
internal static class ApiPath
{
    /// <summary>
    /// <c>/api/state/a%2Fb/k</c> → <c>["api", "state", "a/b", "k"]</c>; a trailing slash is ignored. The path is split
    /// while still percent-encoded, so an encoded slash stays inside its segment.
    /// </summary>
    public static string[] Parse(string path) =>
        [.. (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];
}
