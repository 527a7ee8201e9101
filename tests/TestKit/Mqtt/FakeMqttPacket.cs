namespace ProofOfHeat.TestKit.Mqtt;

/// <summary>A raw packet as the fake broker saw it: the fixed header byte and the body.</summary>
public sealed record FakeMqttPacket(byte FixedHeader, byte[] Body)
{
    /// <summary>The control packet type (high nibble): 1 CONNECT, 3 PUBLISH, 8 SUBSCRIBE, 12 PINGREQ, 14 DISCONNECT …</summary>
    public int Type => FixedHeader >> 4;
}
