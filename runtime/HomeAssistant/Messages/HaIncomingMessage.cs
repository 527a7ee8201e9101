using System.Text.Json;

namespace ProofOfHeat.HomeAssistant.Messages;

/// <summary>One message from HA: its type, its id (absent in the auth phase) and the whole object.</summary>
/// <param name="Type">The decoded <c>type</c>.</param>
/// <param name="Id">The <c>id</c>, when present and an integer.</param>
/// <param name="Root">The message object; it owns its memory, so sub-elements stay valid. Default when <see cref="StateChange"/> is set.</param>
internal readonly record struct HaIncomingMessage(HaMessageType Type, int? Id, JsonElement Root)
{
    /// <summary>A <c>state_changed</c> event already read by the frame decoder's fast path (no <see cref="Root"/> then).</summary>
    public HaStateChange? StateChange { get; init; }
}
