using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ProofOfHeat.HomeAssistant.Codec;

/// <summary>
/// The hot path for <c>state_changed</c> event messages: one forward pass of a <see cref="Utf8JsonReader"/> over the
/// frame, with no document of the whole message; only each state's <c>attributes</c> becomes its own small document,
/// because <see cref="HaState.Attributes"/> must own its memory. Profiling showed building a document of every
/// message and then looking properties up in it cost about twice this.
/// </summary>
/// <remarks>
/// It takes only the unambiguous shape HA sends: <c>type</c> before <c>event</c>, <c>event_type</c> before <c>data</c>,
/// no repeated keys, an integer id, string entity ids. Anything else returns <see langword="false"/> and the caller
/// takes the general path (<see cref="HaMessageDecoder"/> on a document), which then owns every error and edge case,
/// so the results are the same either way. Syntax errors throw <see cref="JsonException"/> as the general path does.
/// </remarks>
internal static partial class HaStateChangedReader
{
    /// <summary>
    /// Reads the message object <paramref name="reader"/> is positioned on (its <c>StartObject</c>). On success the
    /// reader is left on the message's <c>EndObject</c>; on failure it is left anywhere and must be discarded.
    /// </summary>
    /// <param name="reader">A reader over <paramref name="frame"/>, from its first byte.</param>
    /// <param name="frame">The whole frame, to compare the old and new attributes' bytes.</param>
    /// <param name="id">The message id.</param>
    /// <param name="change">The change.</param>
    public static bool TryRead(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, out int? id, [NotNullWhen(true)] out HaStateChange? change)
    {
        id = null;
        change = null;
        var seen = new SeenKeys();
        var isEvent = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                if (!seen.First(0) || !reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("event"u8))
                {
                    return false;
                }

                isEvent = true;
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                if (!seen.First(1) || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
                {
                    return false;
                }

                id = value;
            }
            else if (reader.ValueTextEquals("event"u8))
            {
                if (!isEvent || !seen.First(2) || !reader.Read() || !TryReadEvent(ref reader, frame, out change))
                {
                    return false;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return isEvent && change is not null;
    }

    private static bool TryReadEvent(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, out HaStateChange? change)
    {
        change = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = new SeenKeys();
        var isStateChanged = false;
        string? entityId = null;
        HaState? oldState = null, newState = null;
        DateTimeOffset timeFired = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("event_type"u8))
            {
                // Other event types take the general path: HaEvent keeps their data as a document anyway.
                if (!seen.First(0) || !reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("state_changed"u8))
                {
                    return false;
                }

                isStateChanged = true;
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                if (!isStateChanged || !seen.First(1) || !reader.Read() || !TryReadData(ref reader, frame, out entityId, out oldState, out newState))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("time_fired"u8))
            {
                if (!seen.First(2))
                {
                    return false;
                }

                timeFired = ReadTime(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (!seen.Has(1))
        {
            return false;
        }

        entityId ??= newState?.EntityId ?? oldState?.EntityId;
        if (entityId is null)
        {
            return false;
        }

        change = new HaStateChange(entityId, oldState, newState, timeFired);
        return true;
    }

    private static bool TryReadData(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, out string? entityId, out HaState? oldState, out HaState? newState)
    {
        entityId = null;
        oldState = null;
        newState = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = new SeenKeys();
        AttributesBytes oldAttributes = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("entity_id"u8))
            {
                if (!seen.First(0) || !reader.Read())
                {
                    return false;
                }

                entityId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("old_state"u8))
            {
                if (!seen.First(1) || !TryReadNullableState(ref reader, frame, entityId, default, out oldState, out oldAttributes))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("new_state"u8))
            {
                if (!seen.First(2) || !TryReadNullableState(ref reader, frame, entityId ?? oldState?.EntityId, oldAttributes, out newState, out _))
                {
                    return false;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    // Anything but an object (null above all) is no state, as in HaMessageDecoder.ReadNullableState.
    private static bool TryReadNullableState(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, string? knownEntityId, AttributesBytes previous, out HaState? state, out AttributesBytes attributes)
    {
        state = null;
        attributes = default;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return true;
        }

        return TryReadState(ref reader, frame, knownEntityId, previous, out state, out attributes);
    }

    /// <summary>Which of an object's keys were met; a repeated key sends the message to the general path.</summary>
    private struct SeenKeys
    {
        private int _bits;

        /// <summary>Marks key <paramref name="index"/>; false when it was already met.</summary>
        public bool First(int index)
        {
            var bit = 1 << index;
            if ((_bits & bit) != 0)
            {
                return false;
            }

            _bits |= bit;
            return true;
        }

        public readonly bool Has(int index) => (_bits & (1 << index)) != 0;
    }
}
