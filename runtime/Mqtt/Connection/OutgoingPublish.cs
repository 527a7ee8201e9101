namespace ProofOfHeat.Mqtt.Connection;

/// <summary>A queued application message; <see cref="Delivery"/> is set for QoS 1 only.</summary>
internal readonly record struct OutgoingPublish(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService,
    bool Retain,
    TaskCompletionSource? Delivery);
