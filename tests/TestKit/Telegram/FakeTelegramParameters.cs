using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>
/// Reads a request's parameters the ways the Bot API accepts them ("Making requests"): URL query,
/// <c>application/x-www-form-urlencoded</c>, <c>application/json</c>, or no body. In query and form encodings nested
/// objects (reply_markup, allowed_updates) arrive as JSON strings and are parsed here.
/// </summary>
internal static class FakeTelegramParameters
{
    public static async Task<JsonObject> ReadAsync(HttpListenerRequest request)
    {
        var result = new JsonObject();
        AddForm(result, request.Url!.Query.TrimStart('?'));
        if (!request.HasEntityBody)
        {
            return result;
        }

        using var reader = new StreamReader(request.InputStream, request.ContentEncoding);
        var body = await reader.ReadToEndAsync();
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        switch (type)
        {
            case "application/json":
                JsonNode? parsed;
                try
                {
                    parsed = JsonNode.Parse(body);
                }
                catch (JsonException)
                {
                    throw new FormatException("can't parse JSON object");
                }

                if (parsed is not JsonObject json)
                {
                    throw new FormatException("can't parse JSON object");
                }

                foreach (var (name, value) in json)
                {
                    result[name] = value?.DeepClone();
                }

                break;
            case "application/x-www-form-urlencoded":
                AddForm(result, body);
                break;
            default:
                throw new FormatException($"unsupported Content-Type {type}");
        }

        return result;
    }

    private static void AddForm(JsonObject result, string form)
    {
        if (form.Length == 0)
        {
            return;
        }

        var values = HttpUtility.ParseQueryString(form);
        foreach (var name in values.AllKeys.OfType<string>())
        {
            var value = values[name]!;
            result[name] = value.StartsWith('{') || value.StartsWith('[') ? JsonNode.Parse(value) : JsonValue.Create(value);
        }
    }
}
