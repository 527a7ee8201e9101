namespace ProofOfHeat.Mqtt;

/// <summary>A queued message was dropped because the bounded outgoing queue was full (the oldest message goes first).</summary>
public class MqttMessageDroppedException : MqttException
{
    /// <summary>Creates the exception with a default message.</summary>
    public MqttMessageDroppedException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MqttMessageDroppedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public MqttMessageDroppedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
