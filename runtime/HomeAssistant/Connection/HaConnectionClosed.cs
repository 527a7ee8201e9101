namespace ProofOfHeat.HomeAssistant.Connection;

/// <summary>How a connection's reader loop ended.</summary>
internal sealed record HaConnectionClosed(HaDisconnectReason Reason, Exception? Error);
