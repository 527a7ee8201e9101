namespace ProofOfHeat.Mqtt.Packets;

/// <summary>PINGREQ (§3.12): the client is alive; the broker answers PINGRESP.</summary>
internal sealed record MqttPingReqPacket : MqttPacket
{
    /// <summary>The packet has no fields, so one instance serves.</summary>
    public static readonly MqttPingReqPacket Instance = new();
}
