using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>The owned loop: subscriptions, the start-up reconciliation, announcing, and command routing.</summary>
public sealed partial class MqttEntityManager
{
    /// <summary>
    /// Subscribes to command topics and HA's status topic, then announces whenever woken, until cancelled. Run it
    /// (the hosted service does) before or after connecting the client: subscriptions are sent on connect.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var subscriptions = new List<MqttSubscription>
        {
            await _client.SubscribeAsync($"{_options.BaseTopic}/+/+/set", OnCommandAsync, MqttQualityOfService.AtLeastOnce, cancellationToken),
            await _client.SubscribeAsync($"{_options.BaseTopic}/+/+/+/set", OnCommandAsync, MqttQualityOfService.AtLeastOnce, cancellationToken),
            await _client.SubscribeAsync(_options.HomeAssistantStatusTopic, OnHomeAssistantStatusAsync, MqttQualityOfService.AtLeastOnce, cancellationToken),
        };
        try
        {
            while (await _wake.Reader.WaitToReadAsync(cancellationToken))
            {
                _wake.Reader.TryRead(out _);
                await SyncAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                await subscription.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Marks us offline (retained) before a clean disconnect: a DISCONNECT makes the broker discard the will, so
    /// without this HA would keep showing the entities as available. Waits for the broker's acknowledgement.
    /// </summary>
    public async Task PublishOfflineAsync(CancellationToken cancellationToken)
    {
        var receipt = await _client.PublishAsync(_options.AvailabilityTopic, "offline", MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken);
        await receipt.Delivered.WaitAsync(cancellationToken);
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        bool connect;
        lock (_gate)
        {
            connect = _connectPending;
            _connectPending = false;
        }

        if (connect && _client.IsConnected)
        {
            if (!_reconciled)
            {
                await ReconcileAsync(cancellationToken);
            }

            Publish(_options.AvailabilityTopic, "online");
            lock (_gate)
            {
                _announceAllPending = true;
            }
        }

        if (!_reconciled)
        {
            return; // nothing is announced before we know what an earlier run left behind
        }

        AnnounceChanges();
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var found = await RetainedDiscoveryScanner.ScanAsync(_client, _options, _timeProvider, cancellationToken);
        if (found is null)
        {
            LogScanTimedOut(_logger, _options.ScanTimeout);
            lock (_gate)
            {
                _reconciled = true; // announce anyway; leftovers stay until the next start
            }

            return;
        }

        lock (_gate)
        {
            foreach (var device in found)
            {
                _announced[device.ObjectId] = device;
                _changedDevices.Add(device.ObjectId[(_options.NodeId.Length + 1)..]);
            }

            _reconciled = true;
        }

        LogScanned(_logger, found.Count);
    }

    private void AnnounceChanges()
    {
        List<(string DeviceId, MqttDiscoveryDevice? Device)> work;
        lock (_gate)
        {
            var ids = _announceAllPending ? [.. _devices.Keys.Union(_changedDevices, StringComparer.Ordinal)] : _changedDevices.ToList();
            work = [.. ids.Select(id => (id, _devices.GetValueOrDefault(id)))];
            _changedDevices.Clear();
            _announceAllPending = false;
        }

        foreach (var (deviceId, device) in work)
        {
            var objectId = DevicePayloadBuilder.ObjectId(_options, deviceId);
            var topic = DevicePayloadBuilder.ConfigTopic(_options, objectId);
            _announced.TryGetValue(objectId, out var before);
            if (device is null)
            {
                if (before is not null)
                {
                    LogDeviceRemoved(_logger, objectId);
                    Publish(topic, string.Empty);
                    ClearStates(before, before.Components.Keys);
                    _announced.Remove(objectId);
                }

                continue;
            }

            var entities = device.Entities;
            var missing = before?.Components.Where(c => !entities.Any(e => e.Key == c.Key)).ToDictionary() ?? [];
            // While the device's components are pending, what was announced before is kept as it was, not removed.
            var kept = device.ComponentsPending && before?.ComponentConfigs is { } configs
                ? missing.Keys.Where(configs.ContainsKey).ToDictionary(k => k, k => configs[k], StringComparer.Ordinal)
                : [];
            var gone = missing.Where(c => !kept.ContainsKey(c.Key)).ToDictionary();
            if (gone.Count > 0)
            {
                // HA's documented two steps: first the component reduced to its platform, then the device without it.
                LogComponentsRemoved(_logger, objectId, string.Join(", ", gone.Keys));
                Publish(topic, DevicePayloadBuilder.Build(_options, device.Info, entities, gone, kept));
                ClearStates(before!, gone.Keys);
            }

            Publish(topic, DevicePayloadBuilder.Build(_options, device.Info, entities, kept: kept));
            PublishDeviceAvailability(device);
            foreach (var (stateTopic, payload) in entities.SelectMany(e => e.States))
            {
                Publish(stateTopic, payload);
            }

            _announced[objectId] = new AnnouncedDevice(
                objectId,
                _options.OriginName,
                entities.ToDictionary(e => e.Key, e => e.Platform, StringComparer.Ordinal)
                    .Concat(kept.Keys.Select(k => KeyValuePair.Create(k, before!.Components[k]))).ToDictionary(StringComparer.Ordinal),
                entities.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.States.Keys], StringComparer.Ordinal)
                    .Concat(kept.Keys.Select(k => KeyValuePair.Create(k, before!.StateTopics.GetValueOrDefault(k) ?? []))).ToDictionary(StringComparer.Ordinal),
                entities.ToDictionary(e => e.Key, DevicePayloadBuilder.ComponentJson, StringComparer.Ordinal)
                    .Concat(kept).ToDictionary(StringComparer.Ordinal));
            LogDeviceAnnounced(_logger, objectId, entities.Count);
        }
    }

    private void ClearStates(AnnouncedDevice device, IEnumerable<string> componentKeys)
    {
        foreach (var key in componentKeys)
        {
            foreach (var topic in device.StateTopics.GetValueOrDefault(key) ?? [])
            {
                Publish(topic, string.Empty);
            }
        }
    }

    private ValueTask OnHomeAssistantStatusAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (message.PayloadAsString() == "online")
        {
            LogBirth(_logger);
            Signal(() => _announceAllPending = true);
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask OnCommandAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        (MqttDiscoveryEntity Entity, string Suffix) route;
        lock (_gate)
        {
            if (!_routes.TryGetValue(message.Topic, out route))
            {
                LogUnroutedCommand(_logger, message.Topic);
                return ValueTask.CompletedTask;
            }
        }

        var payload = message.PayloadAsString();
        try
        {
            var outcome = route.Entity.HandleCommand(route.Suffix, payload);
            if (outcome.Accepted)
            {
                LogCommand(_logger, route.Entity.UniqueId!, route.Suffix, route.Entity.Loggable(payload));
            }
            else
            {
                LogCommandRejected(_logger, route.Entity.UniqueId!, route.Suffix, outcome.Reason!, route.Entity.Loggable(payload));
            }

            // Every command HA sent, in the audit trail: who is "home-assistant" (MQTT carries no user), the payload cut short.
            _audit?.Record(new AuditEntry(_timeProvider.GetUtcNow(), "home-assistant", "mqtt_command", route.Entity.UniqueId!, outcome.Reason,
                IAuditTrail.NewCorrelationId(), outcome.Accepted ? "accepted" : "rejected", $"{route.Suffix}: {Excerpt(payload)}"));
        }
#pragma warning disable CA1031 // An app's command handler threw: log it and keep routing the other commands.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCommandHandlerFailed(_logger, ex, route.Entity.UniqueId!, route.Suffix);
        }

        return ValueTask.CompletedTask;
    }
}
