namespace ProofOfHeat.Mqtt;

/// <summary>Raised after a (re)connect, once subscriptions are restored and unacknowledged messages resent.</summary>
/// <param name="sessionPresent">Whether the broker kept a session from before (only with CleanSession off).</param>
public sealed class MqttClientConnectedEventArgs(bool sessionPresent) : EventArgs
{
    /// <summary>Whether the broker kept a session from before.</summary>
    public bool SessionPresent { get; } = sessionPresent;
}
