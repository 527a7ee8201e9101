namespace ProofOfHeat.Mqtt;

/// <summary>Raised when an established connection ends; the client reconnects unless it is stopping.</summary>
/// <param name="reason">Why the connection ended, or null for a requested disconnect.</param>
public sealed class MqttClientDisconnectedEventArgs(Exception? reason) : EventArgs
{
    /// <summary>Why the connection ended, or null for a requested disconnect.</summary>
    public Exception? Reason { get; } = reason;
}
