namespace ProofOfHeat.Mqtt;

/// <summary>What <see cref="MqttClient.PublishAsync(MqttApplicationMessage, CancellationToken)"/> returns once the message is queued.</summary>
/// <remarks>
/// For QoS 1, <see cref="Delivered"/> completes when the broker's PUBACK arrives (possibly after reconnects), and
/// faults with <see cref="MqttMessageDroppedException"/> when the bounded queue dropped the message, or with
/// <see cref="ObjectDisposedException"/> when the client stopped first. For QoS 0 it is already complete: queued is
/// all QoS 0 promises.
/// </remarks>
public readonly struct MqttPublishReceipt : IEquatable<MqttPublishReceipt>
{
    internal MqttPublishReceipt(Task delivered) => Delivered = delivered;

    /// <summary>Completes when the message is acknowledged by the broker (QoS 1) or at once (QoS 0).</summary>
    public Task Delivered { get; }

    /// <inheritdoc />
    public bool Equals(MqttPublishReceipt other) => ReferenceEquals(Delivered, other.Delivered);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MqttPublishReceipt other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Delivered?.GetHashCode() ?? 0;

    /// <summary>Compares two receipts.</summary>
    public static bool operator ==(MqttPublishReceipt left, MqttPublishReceipt right) => left.Equals(right);

    /// <summary>Compares two receipts.</summary>
    public static bool operator !=(MqttPublishReceipt left, MqttPublishReceipt right) => !left.Equals(right);
}
