namespace ProofOfHeat.Mqtt.Packets;

/// <summary>PINGRESP (§3.13): the broker's answer to PINGREQ.</summary>
internal sealed record MqttPingRespPacket : MqttPacket
{
    /// <summary>The packet has no fields, so one instance serves.</summary>
    public static readonly MqttPingRespPacket Instance = new();
}
