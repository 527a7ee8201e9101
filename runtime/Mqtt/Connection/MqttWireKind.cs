namespace ProofOfHeat.Mqtt.Connection;

/// <summary>Which implementation carries the bytes under the session (issue 9 decides between them by benchmark).</summary>
internal enum MqttWireKind
{
    /// <summary>Our own transport and codec (<see cref="Transport.MqttTransport"/>, <see cref="Codec.MqttPacketEncoder"/>).</summary>
    ProofOfHeat,

    /// <summary>MQTTnet 5's low-level client (its TCP/TLS channel and packet formatter).</summary>
    MqttNet,
}
