namespace ProofOfHeat.Mqtt.Packets;

/// <summary>
/// The head of a packet whose announced Remaining Length exceeds the client's limit: what the client must know to skip
/// it (how many bytes still follow) and, for a PUBLISH, to name it in a warning and acknowledge it.
/// </summary>
/// <param name="FixedHeader">The packet's first byte.</param>
/// <param name="RemainingLength">The announced Remaining Length.</param>
/// <param name="BytesToSkip">Bytes of the body still to discard after the part already read.</param>
/// <param name="Topic">The PUBLISH topic, or null for another packet type.</param>
/// <param name="PacketIdentifier">The PUBLISH packet identifier (0 for QoS 0 or another packet type).</param>
internal sealed record MqttOversizedPacket(
    byte FixedHeader,
    long RemainingLength,
    long BytesToSkip,
    string? Topic,
    ushort PacketIdentifier) : MqttPacket;
