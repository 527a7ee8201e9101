namespace ProofOfHeat.HomeAssistant.Messages;

/// <summary>The <c>type</c> of a message from HA.</summary>
internal enum HaMessageType
{
    Unknown,
    AuthRequired,
    AuthOk,
    AuthInvalid,
    Result,
    Pong,
    Event,
}
