using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify.HomeAssistant;

/// <summary>
/// HA's own records of every alert, whoever is configured: the <c>poh_alert</c> event on each change (automations can
/// react), and a persistent notification while the alert is open. Persistent notifications:
/// https://www.home-assistant.io/integrations/persistent_notification/ (<c>create</c> with <c>notification_id</c>,
/// <c>title</c>, <c>message</c>; <c>dismiss</c> with <c>notification_id</c>).
/// </summary>
public sealed class HaRecordsChannel(IHaOutlet ha, AlertTextRenderer texts, NotifyOptions options) : IAlertChannel
{
    /// <summary>The event type fired for every alert change.</summary>
    public const string EventType = "poh_alert";

    /// <inheritdoc />
    public string Name => "home-assistant";

    /// <summary>The persistent notification id of an alert key (HA ids are free text; keep them readable).</summary>
    public static string NotificationId(string key) => "poh_alert_" + key;

    /// <inheritdoc />
    public async Task DeliverAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var alert = delivery.Alert;
        var text = texts.Render(alert);
        await ha.FireEventAsync(EventType, new Dictionary<string, object?>
        {
            ["id"] = alert.Id,
            ["key"] = alert.Key,
            ["event"] = delivery.Kind.ToString().ToLowerInvariant(),
            ["state"] = alert.State.ToString().ToLowerInvariant(),
            ["severity"] = alert.Severity.ToString().ToLowerInvariant(),
            ["source"] = alert.Request.Source,
            ["kind"] = alert.Request.Kind,
            ["title"] = text.Title,
            ["message"] = text.Message,
            ["by"] = alert.By,
            ["level"] = delivery.Level,
            ["raised_at"] = alert.RaisedAt,
        }, cancellationToken).ConfigureAwait(false);

        var id = NotificationId(alert.Key);
        switch (delivery.Kind)
        {
            case AlertDeliveryKind.Raised:
                await Create(id, text.Title, text.Message, cancellationToken).ConfigureAwait(false);
                break;
            case AlertDeliveryKind.Acknowledged:
                // Creating again with the same id replaces the card, so it shows who answered.
                var words = AlertWords.For(options.Language);
                await Create(id, text.Title, $"{text.Message}\n\n{words.Acknowledged} {alert.By}", cancellationToken).ConfigureAwait(false);
                break;
            case AlertDeliveryKind.Resolved:
                await ha.CallServiceAsync(
                    new ServiceCall("persistent_notification", "dismiss", null, new Dictionary<string, object?> { ["notification_id"] = id }),
                    cancellationToken).ConfigureAwait(false);
                break;
            default:
                break;
        }
    }

    private Task Create(string id, string title, string message, CancellationToken cancellationToken) =>
        ha.CallServiceAsync(
            new ServiceCall("persistent_notification", "create", null, new Dictionary<string, object?>
            {
                ["notification_id"] = id,
                ["title"] = title,
                ["message"] = message,
            }),
            cancellationToken);
}
