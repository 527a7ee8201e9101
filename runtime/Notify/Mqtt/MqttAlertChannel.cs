using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Mqtt;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify.Mqtt;

/// <summary>
/// Alerts on MQTT for Node-RED and other automations (topics: <see cref="MqttAlertTopics"/>): every change goes to the
/// events topic; the alert's retained topic holds it while open and is cleared when it is resolved. It publishes
/// whether or not people are told (<see cref="AlertDelivery.NotifyPeople"/>): like HA's records, it is a record of
/// every alert, not a notification. Without a broker (no <c>mqtt:</c>) it does nothing.
/// </summary>
public sealed class MqttAlertChannel(MqttClient? client, MqttAlertTopics topics, AlertTextRenderer texts) : IAlertChannel
{
    /// <inheritdoc />
    public string Name => "mqtt";

    /// <inheritdoc />
    public async Task DeliverAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (client is null)
        {
            return;
        }

        var payload = MqttAlertPayload.Build(delivery, texts.Render(delivery.Alert));
        var retainedTopic = topics.Open(delivery.Alert.Key);
        // The retained state first: a subscriber that reacts to the event and then reads the open alerts sees it.
        var retained = delivery.Alert.State == AlertState.Resolved ? string.Empty : payload;
        await client.PublishAsync(retainedTopic, retained, MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
        await client.PublishAsync(topics.Events, payload, MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes <paramref name="alert"/> on its retained topic as it is now (after a reconnect).</summary>
    internal ValueTask<MqttPublishReceipt> PublishOpenAsync(Alert alert, CancellationToken cancellationToken)
    {
        var kind = alert.State == AlertState.Acknowledged ? AlertDeliveryKind.Acknowledged : AlertDeliveryKind.Raised;
        var payload = MqttAlertPayload.Build(new AlertDelivery(alert, kind, 0, NotifyPeople: false), texts.Render(alert));
        return client!.PublishAsync(topics.Open(alert.Key), payload, MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken);
    }
}
