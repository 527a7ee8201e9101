using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>One answer in the Bot API envelope (SRV JsonQueryOk / JsonQueryError).</summary>
internal sealed record FakeTelegramReply(int Status, JsonObject Body)
{
    public static FakeTelegramReply Ok(JsonNode? result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    public static FakeTelegramReply Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return new FakeTelegramReply(code, body);
    }
}
