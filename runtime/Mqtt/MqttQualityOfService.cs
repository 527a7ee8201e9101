namespace ProofOfHeat.Mqtt;

/// <summary>The delivery guarantee of a message (MQTT 3.1.1 §4.3). QoS 2 is not supported by this client.</summary>
public enum MqttQualityOfService
{
    /// <summary>QoS 0: delivered at most once, no acknowledgement.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: delivered at least once, acknowledged with PUBACK; may be duplicated.</summary>
    AtLeastOnce = 1,
}
