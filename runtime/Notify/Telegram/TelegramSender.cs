using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Notify.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ProofOfHeat.Notify.Telegram;

/// <summary>
/// Sends bot messages within Telegram's limits: at most one message per chat per <see cref="TelegramOptions.PerChatInterval"/>
/// (the FAQ's ~1 msg/s per chat), texts cut to 4096 characters and callback data to 64 bytes (Bot API sendMessage and
/// InlineKeyboardButton), and a 429's <c>parameters.retry_after</c> waited out on the injected clock before trying again.
/// </summary>
public sealed partial class TelegramSender(ITelegramBotClient bot, TelegramOptions options, TimeProvider timeProvider, ILogger<TelegramSender> logger)
{
    /// <summary>The Bot API's limit on a message's text (after entity parsing).</summary>
    public const int MaxTextLength = 4096;

    private const int MaxAttempts = 4;
    private readonly Dictionary<long, DateTimeOffset> _nextSlot = [];
    private readonly Lock _gate = new();

    private int _rateLimited;

    /// <summary>429 answers seen (and waited out).</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>Sends an HTML message with optional buttons (one row each); escaping is the caller's.</summary>
    /// <returns>The message as Telegram keeps it (its id is what <see cref="EditHtmlAsync"/> edits).</returns>
    public Task<Message> SendHtmlAsync(long chatId, string html, IReadOnlyList<ChatButton>? buttons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = Cut(html);
        var markup = Markup(buttons);
        return WithinLimitsAsync(chatId, ct => bot.SendMessage(chatId, text, ParseMode.Html, replyMarkup: markup, cancellationToken: ct), cancellationToken);
    }

    /// <summary>
    /// Replaces the text of a message the bot sent (Bot API editMessageText: chat_id, message_id, text, parse_mode,
    /// reply_markup — an edit without reply_markup removes the inline keyboard). The same per-chat pacing and 429 handling
    /// as sending apply.
    /// </summary>
    public Task<Message> EditHtmlAsync(long chatId, int messageId, string html, IReadOnlyList<ChatButton>? buttons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = Cut(html);
        var markup = Markup(buttons);
        return WithinLimitsAsync(chatId, ct => bot.EditMessageText(chatId, messageId, text, ParseMode.Html, replyMarkup: markup, cancellationToken: ct), cancellationToken);
    }

    private static string Cut(string html) => html.Length <= MaxTextLength ? html : html[..(MaxTextLength - 1)] + "…";

    private async Task<Message> WithinLimitsAsync(long chatId, Func<CancellationToken, Task<Message>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await WaitForSlotAsync(chatId, cancellationToken).ConfigureAwait(false);
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 429 && attempt < MaxAttempts)
            {
                Interlocked.Increment(ref _rateLimited);
                var wait = TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1));
                LogRetryAfter(logger, chatId, wait);
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The inline keyboard for <paramref name="buttons"/>; buttons whose data is over 64 bytes are left out.</summary>
    public static InlineKeyboardMarkup? Markup(IReadOnlyList<ChatButton>? buttons)
    {
        var rows = (buttons ?? [])
            .Where(b => System.Text.Encoding.UTF8.GetByteCount(b.Data) is > 0 and <= ChatButton.MaxDataBytes)
            .Select(b => new[] { InlineKeyboardButton.WithCallbackData(b.Text, b.Data) })
            .ToArray();
        return rows.Length == 0 ? null : new InlineKeyboardMarkup(rows);
    }

    private async Task WaitForSlotAsync(long chatId, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var slot = _nextSlot.TryGetValue(chatId, out var next) && next > now ? next : now;
            _nextSlot[chatId] = slot + options.PerChatInterval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 7200, Level = LogLevel.Information, Message = "Telegram asked to slow down (429) for chat {ChatId}; retrying after {Wait}")]
    private static partial void LogRetryAfter(ILogger logger, long chatId, TimeSpan wait);
}
