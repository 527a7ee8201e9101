namespace ProofOfHeat.Mqtt;

/// <summary>The CONNACK return codes of MQTT 3.1.1 §3.2.2.3.</summary>
public enum MqttConnectReturnCode
{
    /// <summary>0x00 Connection accepted.</summary>
    Accepted = 0,

    /// <summary>0x01 The broker does not support protocol level 4 (MQTT 3.1.1).</summary>
    UnacceptableProtocolVersion = 1,

    /// <summary>0x02 The client identifier is valid UTF-8 but not allowed by the broker.</summary>
    IdentifierRejected = 2,

    /// <summary>0x03 The network connection was made but the MQTT service is unavailable.</summary>
    ServerUnavailable = 3,

    /// <summary>0x04 The user name or password is malformed or wrong.</summary>
    BadUserNameOrPassword = 4,

    /// <summary>0x05 The client is not authorized to connect.</summary>
    NotAuthorized = 5,
}
