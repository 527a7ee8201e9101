using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Chat;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify.Telegram;

/// <summary>Tells people in their Telegram chats, with Acknowledge, the rule's own actions and Snooze as inline buttons.</summary>
public sealed class TelegramAlertChannel(TelegramSender sender, AlertTextRenderer texts, NotifyOptions options) : IAlertChannel
{
    /// <inheritdoc />
    public string Name => "telegram";

    /// <inheritdoc />
    public async Task DeliverAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!delivery.NotifyPeople)
        {
            return;
        }

        var alert = delivery.Alert;
        foreach (var person in NotifyRecipients.At(options, delivery.Level).Where(p => p.TelegramChat is not null))
        {
            var language = person.Language ?? options.Language;
            var words = AlertWords.For(language);
            var text = texts.Render(alert, language);
            var title = ParseModeEscaping.Html(text.Title);
            if (NotifyRecipients.IsCall(delivery))
            {
                var buttons = new List<ChatButton> { new(words.Acknowledge, "ack:" + alert.Id) };
                buttons.AddRange((alert.Request.Actions ?? []).Select(a => new ChatButton(a.Title, $"act:{alert.Id}:{a.Id}")));
                buttons.Add(new ChatButton(words.Snooze, "snz:" + alert.Id));
                var html = $"{AlertMarks.Of(alert.Severity)} <b>{title}</b>\n{ParseModeEscaping.Html(text.Message)}";
                await sender.SendHtmlAsync(person.TelegramChat!.Value, html, buttons, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var note = delivery.Kind == AlertDeliveryKind.Resolved
                    ? $"✅ {ParseModeEscaping.Html(words.Resolved)}: <b>{title}</b>"
                    : $"👌 <b>{title}</b>: {ParseModeEscaping.Html($"{words.Acknowledged} {alert.By}")}";
                await sender.SendHtmlAsync(person.TelegramChat!.Value, note, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
