using System.Collections.Specialized;
using System.Web;

namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>One HTTP/1.1 request the fake read off its socket.</summary>
/// <param name="Method">GET, POST…</param>
/// <param name="Target">The request target, path and query.</param>
/// <param name="Body">The body (Content-Length bytes), UTF-8.</param>
public sealed record FakeHttpRequest(string Method, string Target, string Body)
{
    /// <summary>The path without the query.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary>The query's parameters, decoded.</summary>
    public NameValueCollection Query => HttpUtility.ParseQueryString(Target.Contains('?', StringComparison.Ordinal) ? Target.Split('?', 2)[1] : string.Empty);
}
