using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Mqtt;
using ProofOfHeat.Notify.Alerts;

namespace ProofOfHeat.Notify.Mqtt;

/// <summary>
/// The MQTT side of alerts that is not a delivery: acknowledgements from <see cref="MqttAlertTopics.Acknowledge"/>
/// (audited by the alert service as <c>mqtt:&lt;by&gt;</c>; one for no open alert is audited as refused), and, after
/// every connect, the retained topics brought in line with the open alerts (an alert resolved while the broker was
/// away is cleared, the open ones are published again).
/// </summary>
public sealed partial class MqttAlertsService(
    MqttClient? client,
    MqttAlertTopics topics,
    MqttAlertChannel channel,
    AlertService alerts,
    IAuditTrail audit,
    TimeProvider time,
    ILogger<MqttAlertsService> logger) : BackgroundService
{
    private readonly Channel<MqttApplicationMessage> _inbox = Channel.CreateBounded<MqttApplicationMessage>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Channel<bool> _connects = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (client is null)
        {
            return;
        }

        client.Connected += OnConnected;
        try
        {
            if (client.IsConnected)
            {
                _connects.Writer.TryWrite(true);
            }

            await using var acks = await client.SubscribeAsync(topics.Acknowledge, Enqueue, MqttQualityOfService.AtLeastOnce, stoppingToken).ConfigureAwait(false);
            await using var open = await client.SubscribeAsync(topics.OpenFilter, Enqueue, MqttQualityOfService.AtLeastOnce, stoppingToken).ConfigureAwait(false);
            await Task.WhenAll(ReadMessagesAsync(stoppingToken), ResyncAfterConnectsAsync(stoppingToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            client.Connected -= OnConnected;
        }
    }

    private void OnConnected(object? sender, MqttClientConnectedEventArgs e) => _connects.Writer.TryWrite(true);

    private ValueTask Enqueue(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        _inbox.Writer.TryWrite(message);
        return ValueTask.CompletedTask;
    }

    private async Task ReadMessagesAsync(CancellationToken cancellationToken)
    {
        await foreach (var message in _inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (message.Topic == topics.Acknowledge)
            {
                await AcknowledgeAsync(message.PayloadAsString(), cancellationToken).ConfigureAwait(false);
            }
            else if (message.Retain && message.Payload.Length > 0)
            {
                await ClearIfStaleAsync(message.Topic, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task AcknowledgeAsync(string payload, CancellationToken cancellationToken)
    {
        if (MqttAcknowledgement.Parse(payload) is not { } ack)
        {
            LogUnreadable(logger, topics.Acknowledge);
            return;
        }

        var key = ack.Key ?? alerts.FindById(ack.Id!)?.Key;
        if (key is not null && await alerts.AcknowledgeAsync(key, ack.Actor, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var target = ack.Key ?? ack.Id!;
        audit.Record(new AuditEntry(time.GetUtcNow(), ack.Actor, "alert_acknowledged", target, "acknowledged on MQTT",
            IAuditTrail.NewCorrelationId(), "refused", "no open alert with this key or id"));
        LogNoSuchAlert(logger, target, ack.Actor);
    }

    // A retained alert replayed at subscribe time whose key is no longer open was resolved while we could not publish.
    private async Task ClearIfStaleAsync(string topic, CancellationToken cancellationToken)
    {
        if (alerts.Open.Any(a => topics.Open(a.Key) == topic))
        {
            return;
        }

        await client!.PublishAsync(topic, string.Empty, MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task ResyncAfterConnectsAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in _connects.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var alert in alerts.Open)
            {
                await channel.PublishOpenAsync(alert, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "MQTT alerts: an acknowledgement on {Topic} names no alert (payload: a key, or JSON with key or id)")]
    private static partial void LogUnreadable(ILogger logger, string topic);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "MQTT alerts: {Actor} acknowledged {Target}, which is not open")]
    private static partial void LogNoSuchAlert(ILogger logger, string target, string actor);
}
