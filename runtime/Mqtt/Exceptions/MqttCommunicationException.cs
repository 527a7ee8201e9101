namespace ProofOfHeat.Mqtt;

/// <summary>The connection to the broker failed: a socket or TLS error, a closed connection or a timeout. Transient: the client reconnects.</summary>
public class MqttCommunicationException : MqttException
{
    /// <summary>Creates the exception with a default message.</summary>
    public MqttCommunicationException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MqttCommunicationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public MqttCommunicationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
