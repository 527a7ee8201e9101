namespace ProofOfHeat.Mqtt;

/// <summary>
/// The broker rejected the credentials (CONNACK 0x04 bad user name or password, or 0x05 not authorized). Final: the
/// client does not retry with the same credentials.
/// </summary>
public sealed class MqttAuthenticationException : MqttConnectException
{
    /// <summary>Creates the exception with a default message.</summary>
    public MqttAuthenticationException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MqttAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public MqttAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the refusal <paramref name="returnCode"/>.</summary>
    public MqttAuthenticationException(MqttConnectReturnCode returnCode)
        : base(returnCode)
    {
    }
}
