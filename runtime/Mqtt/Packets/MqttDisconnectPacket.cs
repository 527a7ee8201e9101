namespace ProofOfHeat.Mqtt.Packets;

/// <summary>DISCONNECT (§3.14): a clean close; the broker discards the will.</summary>
internal sealed record MqttDisconnectPacket : MqttPacket
{
    /// <summary>The packet has no fields, so one instance serves.</summary>
    public static readonly MqttDisconnectPacket Instance = new();
}
