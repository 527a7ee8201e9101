using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify.HomeAssistant;

/// <summary>Tells people through their HA companion apps: <c>notify.mobile_app_&lt;device&gt;</c> per device.</summary>
public sealed class MobileAppChannel(IHaOutlet ha, AlertTextRenderer texts, NotifyOptions options) : IAlertChannel
{
    /// <inheritdoc />
    public string Name => "mobile-app";

    /// <inheritdoc />
    public async Task DeliverAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!delivery.NotifyPeople)
        {
            return;
        }

        foreach (var person in NotifyRecipients.At(options, delivery.Level))
        {
            var language = person.Language ?? options.Language;
            var data = NotifyRecipients.IsCall(delivery)
                ? MobileAppPayload.Alert(delivery.Alert, texts.Render(delivery.Alert, language), AlertWords.For(language), person.Name)
                : MobileAppPayload.Clear(delivery.Alert);
            foreach (var device in person.MobileApps)
            {
                await ha.CallServiceAsync(new ServiceCall("notify", "mobile_app_" + device, null, data), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
