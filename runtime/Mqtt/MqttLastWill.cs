namespace ProofOfHeat.Mqtt;

/// <summary>
/// The will message the broker publishes on the client's behalf when the connection ends without a DISCONNECT
/// (MQTT 3.1.1 §3.1.2.5): a crash, a killed socket or a keep-alive timeout.
/// </summary>
/// <param name="Topic">The will topic (no wildcards).</param>
/// <param name="Payload">The will payload.</param>
/// <param name="QualityOfService">The QoS the broker publishes the will with.</param>
/// <param name="Retain">Whether the will is published as a retained message.</param>
public sealed record MqttLastWill(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService = MqttQualityOfService.AtLeastOnce,
    bool Retain = true);
