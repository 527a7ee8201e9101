using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify.HomeAssistant;

/// <summary>
/// Email, SMS, Slack and any other channel HA has a notify service for: <c>notify.&lt;name&gt;</c> with
/// <c>title</c> and <c>message</c> (https://www.home-assistant.io/integrations/notify/).
/// </summary>
public sealed class NotifyServiceChannel(IHaOutlet ha, AlertTextRenderer texts, NotifyOptions options) : IAlertChannel
{
    /// <inheritdoc />
    public string Name => "notify-services";

    /// <inheritdoc />
    public async Task DeliverAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!delivery.NotifyPeople || delivery.Kind == AlertDeliveryKind.Acknowledged)
        {
            return;
        }

        foreach (var person in NotifyRecipients.At(options, delivery.Level))
        {
            var language = person.Language ?? options.Language;
            var text = texts.Render(delivery.Alert, language);
            var title = delivery.Kind == AlertDeliveryKind.Resolved ? $"{AlertWords.For(language).Resolved}: {text.Title}" : text.Title;
            foreach (var service in person.NotifyServices)
            {
                var name = service.StartsWith("notify.", StringComparison.Ordinal) ? service["notify.".Length..] : service;
                await ha.CallServiceAsync(
                    new ServiceCall("notify", name, null, new Dictionary<string, object?> { ["title"] = title, ["message"] = text.Message }),
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
