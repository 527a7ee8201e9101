using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>
/// The codes of a <c>get_error_code</c> reply (API 2.0.1+, MicroBT's WhatsMiner API V2.0.5):
/// <c>Msg.error_code</c> is a list of one-entry objects <c>{"code":"time"}</c>; API 2.0.4 is known
/// to send it in other shapes, so an object of codes and a list of bare codes are read too.
/// </summary>
public static class WhatsminerV2ErrorCodes
{
    /// <summary>The error codes, in the miner's order.</summary>
    public static IReadOnlyList<string> Parse(WhatsminerV2Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return WhatsminerJson.Get(reply.Message, "error_code") switch
        {
            { ValueKind: JsonValueKind.Array } list => [.. list.EnumerateArray().SelectMany(Codes)],
            { ValueKind: JsonValueKind.Object } map => [.. map.EnumerateObject().Select(p => p.Name)],
            _ => [],
        };
    }

    private static IEnumerable<string> Codes(JsonElement entry) => entry.ValueKind switch
    {
        JsonValueKind.Object => entry.EnumerateObject().Select(p => p.Name),
        JsonValueKind.String => [entry.GetString() ?? ""],
        JsonValueKind.Number => [entry.GetRawText()],
        _ => [],
    };
}
