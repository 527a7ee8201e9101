using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>
/// An API v2 reply in either of its two shapes: cgminer-style (<c>"STATUS":[{…}]</c> plus a data
/// array) or flat (<c>"STATUS":"S"</c> with <c>Code</c> and <c>Msg</c> at the top level).
/// </summary>
public sealed class WhatsminerV2Reply
{
    private const string CodeName = "Code";
    private const string WhenName = "When";

    private WhatsminerV2Reply(JsonElement root, string status, int code, JsonElement message, long? when)
    {
        Root = root;
        Status = status;
        Code = code;
        Message = message;
        When = when;
    }

    /// <summary>The whole reply object.</summary>
    public JsonElement Root { get; }

    /// <summary>The status letter: S, I, W, E or F.</summary>
    public string Status { get; }

    /// <summary>The message code.</summary>
    public int Code { get; }

    /// <summary>The <c>Msg</c>: a string, or an object for the flat <c>get_*</c> replies.</summary>
    public JsonElement Message { get; }

    /// <summary>The miner's Unix time, when given.</summary>
    public long? When { get; }

    /// <summary>Whether the status is S or I.</summary>
    public bool IsSuccess => Status is "S" or "I";

    /// <summary>The <c>Msg</c> as text (an object's JSON when it is not a string).</summary>
    public string MessageText => Message.ValueKind switch
    {
        JsonValueKind.String => Message.GetString() ?? "",
        JsonValueKind.Undefined => "",
        _ => Message.GetRawText(),
    };

    /// <summary>Parses a reply object, repairing btminer's known JSON faults (cgminer's API-README and pyasic's RPC client).</summary>
    /// <exception cref="FormatException">The text is not a v2 reply.</exception>
    public static WhatsminerV2Reply Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!CgminerJson.TryParse(json, out var document))
        {
            throw new FormatException("the reply is not JSON, even after the usual btminer repairs");
        }

        using (document)
        {
            return FromElement(document.RootElement.Clone());
        }
    }

    /// <summary>Reads a parsed reply object.</summary>
    /// <exception cref="FormatException">The object has no STATUS in either shape.</exception>
    public static WhatsminerV2Reply FromElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("STATUS", out var status))
        {
            throw new FormatException("the reply has no STATUS");
        }

        var envelope = status.ValueKind switch
        {
            JsonValueKind.Array when status.GetArrayLength() > 0 => status[0],
            JsonValueKind.String => root,
            _ => throw new FormatException("the reply's STATUS is neither a string nor a non-empty array"),
        };
        var letter = envelope.ValueKind == JsonValueKind.Object && envelope.TryGetProperty("STATUS", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString() ?? ""
            : "";
        var code = envelope.TryGetProperty(CodeName, out var c) ? WhatsminerJson.Int(c) ?? 0 : 0;
        var message = envelope.TryGetProperty("Msg", out var m) ? m : default;
        var when = envelope.TryGetProperty(WhenName, out var w) ? WhatsminerJson.Long(w) : null;
        return new WhatsminerV2Reply(root, letter, code, message, when);
    }

    /// <summary>The first object of the named cgminer data array (e.g. <c>SUMMARY</c>), or null.</summary>
    public JsonElement? Section(string name) =>
        Root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array && array.GetArrayLength() > 0 ? array[0] : null;

    /// <summary>All objects of the named cgminer data array, or none.</summary>
    public IReadOnlyList<JsonElement> Sections(string name) =>
        Root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)]
            : [];
}
