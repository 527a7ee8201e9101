using System.Net;
using System.Text;
using System.Text.Json;

namespace ProofOfHeat.Host.Api.Http;

/// <summary>
/// What a handler answers: a status code, a content type and the body's bytes. The factories mirror the ASP.NET
/// <c>Results</c> ones the handlers used before (<c>Results.Json</c> → <see cref="Json"/>, <c>Results.Text</c> →
/// <see cref="Text"/>, <c>Results.Bytes</c> → <see cref="Bytes"/>, <c>Results.NoContent</c> → <see cref="NoContent"/>).
/// </summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ContentType">The body's media type; null with no body.</param>
/// <param name="Body">The body.</param>
internal sealed record ApiResult(int StatusCode, string? ContentType, ReadOnlyMemory<byte> Body)
{
    /// <summary>The JSON content type, with the charset ASP.NET's <c>Results.Json</c> sent.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    // What ASP.NET Core's Results.Json used, so the documents are byte for byte what they were: the web defaults
    // (camelCase names) and the relaxed encoder, which leaves characters such as ` and ' as they are (they are
    // safe in a JSON body served as application/json; the strict default would send \u0060).
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Extra response headers (e.g. <c>WWW-Authenticate</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary><paramref name="value"/> serialised as JSON with the web defaults.</summary>
    public static ApiResult Json(object? value, int statusCode = (int)HttpStatusCode.OK) =>
        new(statusCode, JsonContentType, JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), WebJson));

    /// <summary><paramref name="text"/> in UTF-8 as <paramref name="contentType"/>.</summary>
    public static ApiResult Text(string text, string contentType, int statusCode = (int)HttpStatusCode.OK) =>
        new(statusCode, contentType, Encoding.UTF8.GetBytes(text));

    /// <summary>Raw bytes as <paramref name="contentType"/>.</summary>
    public static ApiResult Bytes(ReadOnlyMemory<byte> body, string contentType, int statusCode = (int)HttpStatusCode.OK) =>
        new(statusCode, contentType, body);

    /// <summary>204 with no body.</summary>
    public static ApiResult NoContent() => new((int)HttpStatusCode.NoContent, null, ReadOnlyMemory<byte>.Empty);

    /// <summary>The same answer with one more header.</summary>
    public ApiResult WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };
}
