namespace ProofOfHeat.Mqtt.Packets;

/// <summary>CONNECT (§3.1): the first packet a client sends.</summary>
internal sealed record MqttConnectPacket(
    string ClientId,
    bool CleanSession,
    ushort KeepAliveSeconds,
    string? UserName,
    string? Password,
    MqttLastWill? Will) : MqttPacket;
