using System.Text.Json;
using ProofOfHeat.HomeAssistant.Messages;

namespace ProofOfHeat.HomeAssistant.Codec;

/// <summary>
/// Splits one text frame into messages. A frame is one JSON object, or, once coalescing was negotiated
/// with <c>supported_features</c>, a JSON array of objects. Pure and synchronous.
/// </summary>
internal static class HaFrameDecoder
{
    /// <summary>
    /// Decodes <paramref name="frame"/> and appends its messages to <paramref name="output"/> in wire order.
    /// Each message gets its own copy of its bytes (<see cref="JsonElement.ParseValue"/>), or for a <c>state_changed</c>
    /// event its records with their own copies of the attributes, so the caller may reuse the frame buffer at once
    /// and the elements stay valid for as long as anyone holds them.
    /// </summary>
    /// <exception cref="JsonException">The frame is not a JSON object or an array of objects.</exception>
    public static void Decode(ReadOnlySpan<byte> frame, List<HaIncomingMessage> output)
    {
        var reader = new Utf8JsonReader(frame, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new JsonException("Empty frame from Home Assistant.");
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                output.Add(DecodeMessage(ref reader, frame));
                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException($"Expected a message object inside the coalesced array, got {reader.TokenType}.");
                    }

                    output.Add(DecodeMessage(ref reader, frame));
                }

                break;
            default:
                throw new JsonException($"Expected a JSON object or array from Home Assistant, got {reader.TokenType}.");
        }

        // Anything after the value (a second top-level value) means the frame is malformed.
        if (reader.Read())
        {
            throw new JsonException("Trailing data after the JSON value in a Home Assistant frame.");
        }
    }

    /// <summary>
    /// Decodes the message object the reader is on: a <c>state_changed</c> event through the fast path when it has
    /// HA's usual shape, anything else (or anything unusual) as a document. Leaves the reader on its <c>EndObject</c>.
    /// </summary>
    private static HaIncomingMessage DecodeMessage(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame)
    {
        var fast = reader;
        if (HaStateChangedReader.TryRead(ref fast, frame, out var id, out var change))
        {
            reader = fast;
            return new HaIncomingMessage(HaMessageType.Event, id, default) { StateChange = change };
        }

        return Classify(JsonElement.ParseValue(ref reader));
    }

    /// <summary>Reads <c>type</c> and <c>id</c> of one message object.</summary>
    public static HaIncomingMessage Classify(JsonElement root)
    {
        var type = HaMessageType.Unknown;
        if (root.TryGetProperty("type"u8, out var typeElement) && typeElement.ValueKind == JsonValueKind.String)
        {
            type = ClassifyType(typeElement);
        }

        int? id = null;
        if (root.TryGetProperty("id"u8, out var idElement) && idElement.ValueKind == JsonValueKind.Number
            && idElement.TryGetInt32(out var value))
        {
            id = value;
        }

        return new HaIncomingMessage(type, id, root);
    }

    // ValueEquals compares the UTF-8 bytes directly, so no string is allocated per message.
    private static HaMessageType ClassifyType(JsonElement type) =>
        type.ValueEquals("event"u8) ? HaMessageType.Event
        : type.ValueEquals("result"u8) ? HaMessageType.Result
        : type.ValueEquals("pong"u8) ? HaMessageType.Pong
        : type.ValueEquals("auth_required"u8) ? HaMessageType.AuthRequired
        : type.ValueEquals("auth_ok"u8) ? HaMessageType.AuthOk
        : type.ValueEquals("auth_invalid"u8) ? HaMessageType.AuthInvalid
        : HaMessageType.Unknown;
}
