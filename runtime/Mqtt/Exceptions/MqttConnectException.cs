namespace ProofOfHeat.Mqtt;

/// <summary>The broker refused the connection with a CONNACK return code other than 0 (MQTT 3.1.1 §3.2.2.3).</summary>
public class MqttConnectException : MqttException
{
    /// <summary>Creates the exception with a default message.</summary>
    public MqttConnectException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MqttConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public MqttConnectException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the refusal <paramref name="returnCode"/>.</summary>
    public MqttConnectException(MqttConnectReturnCode returnCode)
        : base(Describe(returnCode)) => ReturnCode = returnCode;

    /// <summary>The CONNACK return code the broker sent.</summary>
    public MqttConnectReturnCode ReturnCode { get; }

    /// <summary>
    /// Whether retrying may help. Only "server unavailable" is transient; the other refusals are final, so the
    /// client stops instead of hammering the broker with the same rejected CONNECT.
    /// </summary>
    public bool IsTransient => ReturnCode == MqttConnectReturnCode.ServerUnavailable;

    private static string Describe(MqttConnectReturnCode code) => code switch
    {
        MqttConnectReturnCode.UnacceptableProtocolVersion => "The broker refused the connection: it does not speak MQTT 3.1.1 (CONNACK 0x01).",
        MqttConnectReturnCode.IdentifierRejected => "The broker refused the connection: client identifier rejected (CONNACK 0x02).",
        MqttConnectReturnCode.ServerUnavailable => "The broker refused the connection: MQTT service unavailable (CONNACK 0x03).",
        MqttConnectReturnCode.BadUserNameOrPassword => "The broker refused the connection: bad user name or password (CONNACK 0x04).",
        MqttConnectReturnCode.NotAuthorized => "The broker refused the connection: not authorized (CONNACK 0x05).",
        _ => $"The broker refused the connection with reserved return code 0x{(int)code:X2}.",
    };
}
