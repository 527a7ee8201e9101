namespace ProofOfHeat.Mqtt;

/// <summary>The base of every exception this MQTT client raises.</summary>
public class MqttException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public MqttException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MqttException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public MqttException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
