namespace ProofOfHeat.Mqtt;

/// <summary>The broker sent bytes that are not a valid MQTT 3.1.1 packet, or a packet that is not allowed at that point.</summary>
public class MqttProtocolException : MqttException
{
    /// <summary>Creates the exception with a default message.</summary>
    public MqttProtocolException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MqttProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public MqttProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
