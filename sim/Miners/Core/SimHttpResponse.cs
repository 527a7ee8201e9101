namespace ProofOfHeat.Sim.Miners;

/// <summary>What a simulator answers to an HTTP request.</summary>
/// <param name="Status">Status code.</param>
/// <param name="Body">Body text (UTF-8).</param>
/// <param name="ContentType">Content-Type of the body.</param>
public sealed record SimHttpResponse(int Status, string Body = "", string ContentType = "application/json")
{
    /// <summary>Extra header fields (e.g. WWW-Authenticate, Location).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A 200 with a JSON body.</summary>
    public static SimHttpResponse Json(string json) => new(200, json);

    /// <summary>A 404.</summary>
    public static SimHttpResponse NotFound() => new(404, "{\"error\":\"not found\"}");
}
