namespace ProofOfHeat.Sim.Miners;

/// <summary>An HTTP request as a simulator sees it.</summary>
/// <param name="Method">GET, POST, …</param>
/// <param name="Target">The request target: path and query, e.g. <c>/api/v1/summary?x=1</c>.</param>
/// <param name="Headers">Header fields, names case-insensitive (the last one wins on repeats).</param>
/// <param name="Body">The body as UTF-8 text.</param>
public sealed record SimHttpRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The path without the query.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
