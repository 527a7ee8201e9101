using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V3;

/// <summary>An API v3 reply: <c>{"code":0,"when":…,"msg":&lt;object|string&gt;,"desc":"&lt;cmd&gt;"}</c>.</summary>
public sealed class WhatsminerV3Reply
{
    private WhatsminerV3Reply(int code, JsonElement message, string? description, long? when)
    {
        Code = code;
        Message = message;
        Description = description;
        When = when;
    }

    /// <summary>0 for success; anything else is an error whose text is in <see cref="Message"/>.</summary>
    public int Code { get; }

    /// <summary>The payload object, or the text "ok" / an error text.</summary>
    public JsonElement Message { get; }

    /// <summary>The command this answers.</summary>
    public string? Description { get; }

    /// <summary>The miner's Unix time.</summary>
    public long? When { get; }

    /// <summary>Whether <see cref="Code"/> is 0.</summary>
    public bool IsSuccess => Code == 0;

    /// <summary>The message as text (an object's JSON when it is not a string).</summary>
    public string MessageText => Message.ValueKind == JsonValueKind.String ? Message.GetString() ?? "" : Message.GetRawText();

    /// <summary>Parses a reply frame's JSON.</summary>
    /// <exception cref="FormatException">The text is not a v3 reply.</exception>
    public static WhatsminerV3Reply Parse(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FormatException("the reply is not JSON: " + e.Message, e);
        }

        if (root.ValueKind != JsonValueKind.Object || WhatsminerJson.Int(root, "code") is not { } code)
        {
            throw new FormatException("the reply has no code");
        }

        var message = root.TryGetProperty("msg", out var m) ? m : default;
        return new WhatsminerV3Reply(code, message, WhatsminerJson.Text(root, "desc"), WhatsminerJson.Get(root, "when") is { } w ? WhatsminerJson.Long(w) : null);
    }

    /// <summary>The <c>cmd</c> of a request, for messages (or "?" when it has none).</summary>
    internal static string CommandOf(string request)
    {
        try
        {
            using var document = JsonDocument.Parse(request);
            return WhatsminerJson.Text(document.RootElement, "cmd") ?? "?";
        }
        catch (JsonException)
        {
            return "?";
        }
    }
}
