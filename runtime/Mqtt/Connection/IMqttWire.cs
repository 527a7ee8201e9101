using ProofOfHeat.Mqtt.Packets;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>
/// One live network connection speaking MQTT 3.1.1, as the session sees it: packets in, packets out, when traffic
/// last moved, and an abrupt close. Broken once, never reused. The session (queue, in-flight window, reconnect,
/// resubscribe, keep-alive on the injected clock) is the same whichever implementation carries the bytes.
/// </summary>
internal interface IMqttWire : IAsyncDisposable
{
    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the last completed write.</summary>
    long LastSentTimestamp { get; }

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the last bytes received.</summary>
    long LastReceivedTimestamp { get; }

    /// <summary>Whether <see cref="Abort"/> or dispose has run.</summary>
    bool IsClosed { get; }

    /// <summary>Whether the publishes appended since the last flush are enough to flush now.</summary>
    bool IsBatchFull { get; }

    /// <summary>Sends one control packet (CONNECT, SUBSCRIBE, UNSUBSCRIBE, PINGREQ, DISCONNECT).</summary>
    Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken);

    /// <summary>Sends a PUBACK for a received QoS 1 PUBLISH.</summary>
    Task SendPubAckAsync(ushort packetIdentifier, CancellationToken cancellationToken);

    /// <summary>Adds one PUBLISH to the pending batch (nothing is written until <see cref="FlushAsync"/>).</summary>
    void AppendPublish(in OutgoingPublish message, bool duplicate, ushort packetIdentifier);

    /// <summary>Writes the pending batch, if any.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Waits for the next whole packet. A closed connection is a <see cref="MqttCommunicationException"/>.</summary>
    Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken);

    /// <summary>Closes the socket at once; pending reads and writes fail with <see cref="MqttCommunicationException"/>.</summary>
    void Abort();
}
