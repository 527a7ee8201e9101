namespace ProofOfHeat.Mqtt;

/// <summary>An application message: what is published to, or received from, a topic.</summary>
/// <param name="Topic">The topic name (no wildcards).</param>
/// <param name="Payload">The payload bytes; MQTT does not interpret them.</param>
/// <param name="QualityOfService">The delivery guarantee.</param>
/// <param name="Retain">Whether the broker keeps the message as the topic's retained message (or, when received,
/// whether it was delivered because it was retained).</param>
public sealed record MqttApplicationMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService = MqttQualityOfService.AtMostOnce,
    bool Retain = false)
{
    /// <summary>When received: the broker set DUP, so this may be a redelivery of an earlier message.</summary>
    public bool Duplicate { get; init; }

    /// <summary>The payload decoded as UTF-8.</summary>
    public string PayloadAsString() => System.Text.Encoding.UTF8.GetString(Payload.Span);
}
