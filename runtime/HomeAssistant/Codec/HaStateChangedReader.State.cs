using System.Globalization;
using System.Text.Json;

namespace ProofOfHeat.HomeAssistant.Codec;

/// <summary>One state object (<c>old_state</c> or <c>new_state</c>) of the fast path.</summary>
internal static partial class HaStateChangedReader
{
    private static bool TryReadState(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, string? knownEntityId, AttributesBytes previous, out HaState? state, out AttributesBytes read)
    {
        state = null;
        read = default;
        var seen = new SeenKeys();
        string? entityId = null, value = null;
        DateTimeOffset lastChanged = default, lastUpdated = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("entity_id"u8))
            {
                if (!seen.First(0) || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                // The id comes three times per event; share one string when they agree.
                entityId = knownEntityId is not null && reader.ValueTextEquals(knownEntityId) ? knownEntityId : reader.GetString();
            }
            else if (reader.ValueTextEquals("state"u8))
            {
                if (!seen.First(1) || !reader.Read())
                {
                    return false;
                }

                value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("attributes"u8))
            {
                if (!seen.First(2))
                {
                    return false;
                }

                read = ReadAttributes(ref reader, frame, previous);
            }
            else if (reader.ValueTextEquals("last_changed"u8))
            {
                if (!seen.First(3))
                {
                    return false;
                }

                lastChanged = ReadTime(ref reader);
            }
            else if (reader.ValueTextEquals("last_updated"u8))
            {
                if (!seen.First(4))
                {
                    return false;
                }

                lastUpdated = ReadTime(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (entityId is null)
        {
            return false;
        }

        state = new HaState(entityId, value, read.Element, lastChanged, seen.Has(4) ? lastUpdated : lastChanged);
        return true;
    }

    /// <summary>
    /// Reads an <c>attributes</c> value (the reader is on its property name) into its own document, unless its bytes
    /// equal <paramref name="previous"/>'s (the old state's): a state change that leaves the attributes alone then
    /// shares the old state's document instead of parsing and copying the same bytes again.
    /// </summary>
    private static AttributesBytes ReadAttributes(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, AttributesBytes previous)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        if (previous.Length > 0 && frame[start..].StartsWith(frame.Slice(previous.Start, previous.Length)))
        {
            var atValue = reader;
            reader.Skip();
            if (reader.BytesConsumed - start == previous.Length)
            {
                return previous with { Start = start };
            }

            reader = atValue; // a scalar whose text merely starts like the old one
        }

        var element = JsonElement.ParseValue(ref reader);
        return new AttributesBytes(start, (int)reader.BytesConsumed - start, element);
    }

    // As HaMessageDecoder.ReadTime: strict ISO first, then a lenient parse, else default; non-strings are default.
    private static DateTimeOffset ReadTime(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return default;
        }

        if (reader.TryGetDateTimeOffset(out var fast))
        {
            return fast;
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var slow)
            ? slow
            : default;
    }

    /// <summary>Where a state's attributes lie in the frame, and their document (default when absent).</summary>
    private readonly record struct AttributesBytes(int Start, int Length, JsonElement Element);
}
