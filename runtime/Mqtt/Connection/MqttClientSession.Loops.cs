using ProofOfHeat.Mqtt.Diagnostics;
using ProofOfHeat.Mqtt.Packets;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>The per-connection loops (read, write, keep-alive), the reconnect catch-up, and the dispatch loop.</summary>
internal sealed partial class MqttClientSession
{
    private async Task ReadLoopAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var packet = await connection.ReceivePacketAsync(cancellationToken);
                switch (packet)
                {
                    case MqttPublishPacket publish:
                        // Waits only when the bounded incoming channel is full: TCP back-pressure, never handler code.
                        await _incoming.Writer.WriteAsync(new IncomingPublish(publish, connection), cancellationToken);
                        break;
                    case MqttOversizedPacket { Topic: { } topic } oversized:
                        // Queued like any PUBLISH (without its payload) so that a QoS 1 one is still acknowledged, in
                        // order. MQTT 3.1.1 §4.3.2: the receiver MUST respond with a PUBACK "having accepted ownership
                        // of the Application Message" [MQTT-4.3.2-4]; unacknowledged, a persistent session re-sends it
                        // on every reconnect (§4.4). This client takes ownership and drops what it cannot hold.
                        // https://docs.oasis-open.org/mqtt/mqtt/v3.1.1/os/mqtt-v3.1.1-os.html
                        var head = new MqttPublishPacket(
                            topic,
                            ReadOnlyMemory<byte>.Empty,
                            (MqttQualityOfService)((oversized.FixedHeader >> 1) & 0b11),
                            Retain: (oversized.FixedHeader & 1) != 0,
                            Duplicate: (oversized.FixedHeader & 0b1000) != 0,
                            oversized.PacketIdentifier);
                        await _incoming.Writer.WriteAsync(new IncomingPublish(head, connection, oversized.RemainingLength), cancellationToken);
                        break;
                    case MqttOversizedPacket oversized:
                        // Not a PUBLISH: nothing to acknowledge, and no packet type but PUBLISH is legitimately this large.
                        _logger.OversizedMessageSkipped(oversized.RemainingLength, $"(packet type {oversized.FixedHeader >> 4})", _options.MaxIncomingPacketSize);
                        break;
                    case MqttPubAckPacket pubAck:
                        if (!_inflight.Acknowledge(pubAck.PacketIdentifier))
                        {
                            _logger.UnknownPubAck(pubAck.PacketIdentifier);
                        }

                        break;
                    case MqttSubAckPacket subAck:
                        _pending.Complete(subAck.PacketIdentifier, subAck);
                        break;
                    case MqttUnsubAckPacket unsubAck:
                        _pending.Complete(unsubAck.PacketIdentifier, unsubAck);
                        break;
                    case MqttPingRespPacket:
                        PingResponseReceived?.Invoke();
                        break;
                    default:
                        throw new MqttProtocolException($"Unexpected {packet.GetType().Name} from the broker.");
                }
            }
        }
        catch (MqttException ex)
        {
            _pending.FailAll(new MqttCommunicationException($"The connection to the broker was lost: {ex.Message}", ex));
            throw;
        }
    }

    /// <remarks>
    /// The loop may resume on a publisher's thread (see <see cref="OutgoingQueue"/>), so its awaits do not capture
    /// that thread's synchronization context: what follows an incomplete write runs on the thread pool.
    /// </remarks>
    private async Task WriteLoopAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        while (await _outgoing.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (!connection.IsBatchFull && _outgoing.TryRead(out var message))
            {
                ushort identifier = 0;
                if (message.QualityOfService == MqttQualityOfService.AtLeastOnce)
                {
                    if (!_inflight.TryTakeSlot())
                    {
                        // The in-flight window is full: send what we have, then wait for a PUBACK to free a slot.
                        try
                        {
                            await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
                            await _inflight.TakeSlotAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch
                        {
                            _outgoing.PushBack(message);
                            throw;
                        }
                    }

                    identifier = _inflight.Add(message);
                }

                connection.AppendPublish(message, duplicate: false, identifier);
            }

            await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Subscribes every active filter again (before any queued PUBLISH goes out).</summary>
    private async Task ResubscribeAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        var filters = _subscriptions.ActiveFilters();
        if (filters.Count == 0)
        {
            return;
        }

        var acknowledgement = await RequestAsync(connection, id => new MqttSubscribePacket(id, filters), cancellationToken);
        if (acknowledgement is not MqttSubAckPacket subAck || subAck.ReturnCodes.Count != filters.Count)
        {
            throw new MqttProtocolException("The broker answered the resubscription with a malformed SUBACK.");
        }

        for (var i = 0; i < filters.Count; i++)
        {
            if (subAck.ReturnCodes[i] == MqttSubAckPacket.Failure)
            {
                _logger.ResubscribeRefused(filters[i].TopicFilter);
            }
        }

        _logger.Resubscribed(filters.Count);
    }

    /// <summary>Sends every unacknowledged QoS 1 message again, in the original order, with DUP set (MQTT 3.1.1 §4.4).</summary>
    private async Task ResendInflightAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        var entries = _inflight.Snapshot();
        if (entries.Count == 0)
        {
            return;
        }

        _logger.Resending(entries.Count);
        foreach (var (identifier, message) in entries)
        {
            connection.AppendPublish(message, duplicate: true, identifier);
            if (connection.IsBatchFull)
            {
                await connection.FlushAsync(cancellationToken);
            }
        }

        await connection.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Sends PINGREQ when the line has been quiet for ¾ of the keep-alive, and declares the connection dead when
    /// nothing arrived for 1.5× the keep-alive (the grace MQTT 3.1.1 §3.1.2.10 gives the broker for the same check).
    /// </summary>
    private async Task KeepAliveLoopAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        var keepAlive = _options.KeepAlive;
        if (keepAlive <= TimeSpan.Zero)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, cancellationToken);
            return;
        }

        var tick = keepAlive / 4;
        var pingThreshold = keepAlive * 0.75;
        var deadThreshold = keepAlive * 1.5;
        while (true)
        {
            await Task.Delay(tick, _timeProvider, cancellationToken);
            var now = _timeProvider.GetTimestamp();
            var sinceReceived = _timeProvider.GetElapsedTime(connection.LastReceivedTimestamp, now);
            if (sinceReceived >= deadThreshold)
            {
                throw new MqttCommunicationException(
                    $"Nothing received from the broker for {sinceReceived.TotalSeconds:0.#} s (keep-alive {keepAlive.TotalSeconds:0.#} s): connection considered dead.");
            }

            var sinceSent = _timeProvider.GetElapsedTime(connection.LastSentTimestamp, now);
            if (sinceSent >= pingThreshold || sinceReceived >= pingThreshold)
            {
                await SendPingAsync(connection, cancellationToken);
            }
        }
    }

    private async Task SendPingAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.CommunicationTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await connection.SendPacketAsync(MqttPingReqPacket.Instance, linked.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MqttCommunicationException($"PINGREQ could not be written within {_options.CommunicationTimeout}.", ex);
        }
    }

    /// <summary>Hands received messages to matching subscription handlers, then acknowledges QoS 1 on the same connection.</summary>
    private async Task DispatchLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (packet, connection, skippedLength) in _incoming.Reader.ReadAllAsync(cancellationToken))
            {
                if (skippedLength > 0)
                {
                    _oversizedWarnings.Report(packet.Topic, skippedLength);
                    await AcknowledgeAsync(packet, connection, cancellationToken);
                    continue;
                }

                var message = new MqttApplicationMessage(packet.Topic, packet.Payload, packet.QualityOfService, packet.Retain)
                {
                    Duplicate = packet.Duplicate,
                };
                foreach (var subscription in _subscriptions.Snapshot)
                {
                    if (!subscription.IsDisposed && MqttTopicFilter.IsMatch(subscription.TopicFilter, packet.Topic))
                    {
                        await InvokeHandlerAsync(subscription, message, cancellationToken);
                    }
                }

                await AcknowledgeAsync(packet, connection, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static async Task AcknowledgeAsync(MqttPublishPacket packet, MqttConnection connection, CancellationToken cancellationToken)
    {
        if (packet.QualityOfService == MqttQualityOfService.AtLeastOnce && !connection.IsClosed)
        {
            try
            {
                await connection.SendPubAckAsync(packet.PacketIdentifier, cancellationToken);
            }
            catch (MqttCommunicationException)
            {
                // That connection is gone; the broker redelivers in a persistent session.
            }
        }
    }

    private async Task InvokeHandlerAsync(MqttSubscription subscription, MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await subscription.Handler(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One handler's bug must not stop delivery to the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.HandlerFailed(ex, subscription.TopicFilter, message.Topic);
        }
    }
}
