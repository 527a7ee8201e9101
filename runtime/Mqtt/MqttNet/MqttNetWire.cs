using MQTTnet;
using MQTTnet.LowLevelClient;
using ProofOfHeat.Mqtt.Connection;
using ProofOfHeat.Mqtt.Packets;
using Net = MQTTnet.Packets;

namespace ProofOfHeat.Mqtt.MqttNet;

/// <summary>
/// The wire layer on MQTTnet 5's <see cref="ILowLevelMqttClient"/>: MQTTnet owns the socket, TLS and the packet
/// formatter; the session above stays ours. MQTTnet 5 has no managed client (MQTTnet.Extensions.ManagedClient
/// stopped at 4.x), and its full <c>IMqttClient</c> runs keep-alive and timeouts on the wall clock, so the
/// low-level client is the part that can sit under a session running on an injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class MqttNetWire : IMqttWire
{
    // MQTTnet writes each packet with its own socket write; a batch bounds how many the writer takes at once.
    private const int BatchPackets = 64;
    private static readonly MqttClientFactory Factory = new();
    private readonly ILowLevelMqttClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly List<Net.MqttPublishPacket> _batch = new(BatchPackets);
    private long _lastSent;
    private long _lastReceived;
    private int _closed;

    private MqttNetWire(ILowLevelMqttClient client, TimeProvider timeProvider)
    {
        _client = client;
        _timeProvider = timeProvider;
        _lastSent = _lastReceived = timeProvider.GetTimestamp();
    }

    /// <inheritdoc />
    public long LastSentTimestamp => Interlocked.Read(ref _lastSent);

    /// <inheritdoc />
    public long LastReceivedTimestamp => Interlocked.Read(ref _lastReceived);

    /// <inheritdoc />
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <inheritdoc />
    public bool IsBatchFull => _batch.Count >= BatchPackets;

    /// <summary>Opens MQTTnet's TCP (and TLS) channel to the broker; nothing MQTT is sent yet.</summary>
    public static async Task<IMqttWire> OpenAsync(MqttClientOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var client = Factory.CreateLowLevelMqttClient();
        try
        {
            await client.ConnectAsync(MqttNetOptions.Build(options), cancellationToken);
        }
        catch (Exception ex) when (MqttNetErrors.IsWireFailure(ex))
        {
            client.Dispose();
            throw MqttNetErrors.Translate(ex, $"Cannot connect to {options.Host}:{options.Port}");
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return new MqttNetWire(client, timeProvider);
    }

    /// <inheritdoc />
    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) =>
        SendAsync(MqttNetPackets.ToMqttNet(packet), cancellationToken);

    /// <inheritdoc />
    public Task SendPubAckAsync(ushort packetIdentifier, CancellationToken cancellationToken) =>
        SendAsync(new Net.MqttPubAckPacket { PacketIdentifier = packetIdentifier }, cancellationToken);

    /// <inheritdoc />
    public void AppendPublish(in OutgoingPublish message, bool duplicate, ushort packetIdentifier) =>
        _batch.Add(MqttNetPackets.Publish(message, duplicate, packetIdentifier));

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var publish in _batch)
            {
                await SendAsync(publish, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _batch.Clear();
        }
    }

    /// <inheritdoc />
    public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        Net.MqttPacket packet;
        try
        {
            packet = await _client.ReceiveAsync(cancellationToken);
        }
        catch (Exception ex) when (MqttNetErrors.IsWireFailure(ex))
        {
            // MQTTnet reports a cancelled read as a closed connection; cancellation is ours to report.
            cancellationToken.ThrowIfCancellationRequested();
            throw MqttNetErrors.Translate(ex, "Receive failed");
        }

        Interlocked.Exchange(ref _lastReceived, _timeProvider.GetTimestamp());
        return MqttNetPackets.FromMqttNet(packet);
    }

    /// <inheritdoc />
    public void Abort()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _client.Dispose();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Abort();
        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(Net.MqttPacket packet, CancellationToken cancellationToken)
    {
        try
        {
            await _client.SendAsync(packet, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (MqttNetErrors.IsWireFailure(ex))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw MqttNetErrors.Translate(ex, "Send failed");
        }

        Interlocked.Exchange(ref _lastSent, _timeProvider.GetTimestamp());
    }
}
