using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProofOfHeat.HomeAssistant.Codec;

namespace ProofOfHeat.HomeAssistant.Connection;

/// <summary>
/// Reads a <c>get_states</c> answer tolerantly. One state in a shape we cannot read (a custom integration, HA schema
/// drift) is skipped and logged: failing the whole snapshot would fail every reconnect the same way, forever.
/// </summary>
internal static class HaSnapshotReader
{
    /// <exception cref="JsonException">The answer is not an array at all.</exception>
    public static IReadOnlyList<HaState> Read(JsonElement array, ILogger logger)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"get_states returned {array.ValueKind}, expected an array.");
        }

        var states = new List<HaState>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            try
            {
                states.Add(HaMessageDecoder.ReadState(item));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                Log.MalformedState(logger, EntityIdOf(item), ex);
            }
        }

        return states;
    }

    private static string EntityIdOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object ? HaMessageDecoder.ReadString(item, "entity_id"u8) ?? "(none)" : "(not an object)";
}
