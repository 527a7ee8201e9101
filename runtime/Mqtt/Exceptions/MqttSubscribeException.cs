namespace ProofOfHeat.Mqtt;

/// <summary>The broker refused a subscription: its SUBACK carried the failure code 0x80 (MQTT 3.1.1 §3.9.3).</summary>
public sealed class MqttSubscribeException : MqttException
{
    /// <summary>Creates the exception with a default message.</summary>
    public MqttSubscribeException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MqttSubscribeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public MqttSubscribeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The topic filter the broker refused.</summary>
    public string? TopicFilter { get; init; }
}
