using System.Globalization;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Chat;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Texts;
using Telegram.Bot.Exceptions;

namespace ProofOfHeat.Notify.Telegram;

/// <summary>
/// Tells people in their Telegram chats, with Acknowledge, the rule's own actions and Snooze as inline buttons. When
/// the alert is acknowledged, the messages that carried it are edited to say who acknowledged and when, and lose their
/// buttons (Bot API editMessageText, https://core.telegram.org/bots/api#editmessagetext: without reply_markup the
/// inline keyboard is removed), rather than a new message being added to the chat.
/// </summary>
public sealed partial class TelegramAlertChannel(
    TelegramSender sender,
    AlertTextRenderer texts,
    NotifyOptions options,
    TelegramAlertMessages sent,
    TimeProvider timeProvider,
    ILogger<TelegramAlertChannel> logger) : IAlertChannel
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
            var chat = person.TelegramChat!.Value;
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
                var message = await sender.SendHtmlAsync(chat, html, buttons, cancellationToken).ConfigureAwait(false);
                sent.Remember(alert.Id, new SentAlertMessage(chat, message.Id, html));
            }
            else if (delivery.Kind == AlertDeliveryKind.Acknowledged)
            {
                await TellAcknowledgedAsync(alert, chat, words, title, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var note = $"✅ {ParseModeEscaping.Html(words.Resolved)}: <b>{title}</b>";
                await sender.SendHtmlAsync(chat, note, null, cancellationToken).ConfigureAwait(false);
            }
        }

        if (delivery.Kind == AlertDeliveryKind.Resolved)
        {
            sent.Forget(alert.Id);
        }
    }

    /// <summary>Edits every message that carried the alert to this chat; a new note only when none can be edited.</summary>
    private async Task TellAcknowledgedAsync(Alert alert, long chat, AlertWords words, string title, CancellationToken cancellationToken)
    {
        var when = TimeZoneInfo.ConvertTime(alert.ChangedAt, timeProvider.LocalTimeZone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var line = $"👌 {ParseModeEscaping.Html($"{words.Acknowledged} {alert.By} · {when}")}";
        var edited = 0;
        foreach (var message in sent.In(alert.Id, chat))
        {
            try
            {
                await sender.EditHtmlAsync(chat, message.MessageId, $"{message.Html}\n\n{line}", null, cancellationToken).ConfigureAwait(false);
                edited++;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400)
            {
                // The user deleted it, or it already says so ("message is not modified"): the others still get edited.
                LogNotEdited(logger, alert.Key, chat, message.MessageId, ex.Message);
            }
        }

        if (edited == 0)
        {
            await sender.SendHtmlAsync(chat, $"👌 <b>{title}</b>: {ParseModeEscaping.Html($"{words.Acknowledged} {alert.By} · {when}")}", null, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 7204, Level = LogLevel.Information, Message = "Telegram: the message {MessageId} in chat {ChatId} that carried alert {Key} could not be edited: {Reason}")]
    private static partial void LogNotEdited(ILogger logger, string key, long chatId, int messageId, string reason);
}
