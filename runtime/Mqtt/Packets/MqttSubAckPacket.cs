namespace ProofOfHeat.Mqtt.Packets;

/// <summary>SUBACK (§3.9): one return code per requested filter: the granted QoS (0–2) or <see cref="Failure"/>.</summary>
internal sealed record MqttSubAckPacket(ushort PacketIdentifier, IReadOnlyList<byte> ReturnCodes) : MqttPacket
{
    /// <summary>The SUBACK return code for a refused subscription.</summary>
    public const byte Failure = 0x80;
}
