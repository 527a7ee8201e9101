namespace ProofOfHeat.Host.Api;

/// <summary>Splits a request path into its unescaped segments for <see cref="BrainApi"/>'s patterns.</summary>
internal static class ApiPath
{
    /// <summary><c>/api/state/a%2Fb/k</c> → <c>["api", "state", "a/b", "k"]</c>; a trailing slash is ignored.</summary>
    public static string[] Parse(PathString path) =>
        [.. (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];
}
