using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Texts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace ProofOfHeat.Notify.Telegram;

/// <summary>
/// Answers one update: a command message or a button press. A chat not on the allow-list gets no answer at all
/// (and the attempt is audited); a chat whose role is below the command's <see cref="IChatCommand.MinimumRole"/> gets
/// "not allowed" (a guest may read, only an admin may arm or disarm). A command whose arguments are secret (an alarm
/// code) never has them echoed, audited or logged, and the message that held them is deleted where the bot may.
/// </summary>
public sealed partial class TelegramUpdateRouter(
    ITelegramBotClient bot,
    TelegramSender sender,
    ChatAccess access,
    AlertService alerts,
    IEnumerable<IChatCommand> commands,
    NotifyOptions options,
    IAuditTrail audit,
    TimeProvider timeProvider,
    ILogger<TelegramUpdateRouter> logger)
{
    private readonly Dictionary<string, IChatCommand> _commands = commands
        .GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>The registered commands, for setMyCommands.</summary>
    public IReadOnlyCollection<IChatCommand> Commands => _commands.Values;

    /// <summary>Handles <paramref name="update"/>; other update kinds are ignored.</summary>
    public Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Message is { Text: { } text } message)
        {
            return HandleMessageAsync(message, text, cancellationToken);
        }

        return update.CallbackQuery is { } query ? HandleCallbackAsync(query, cancellationToken) : Task.CompletedTask;
    }

    private async Task HandleMessageAsync(Message message, string text, CancellationToken cancellationToken)
    {
        var chatId = message.Chat.Id;
        var userId = message.From?.Id ?? chatId;
        var line = text.TrimStart('/');
        var secret = _commands.TryGetValue(NameOf(line), out var command) && command.ArgumentsAreSecret && ArgumentsOf(line).Length > 0;
        if (Allowed(chatId, userId, secret ? $"/{command!.Name} (secret left out)" : text) is not { } role)
        {
            return;
        }

        // The code goes first, before the command runs, so it is on the screen for as short a time as possible.
        var kept = secret && !await ForgetAsync(chatId, message.Id, cancellationToken).ConfigureAwait(false);
        var reply = await RunAsync(chatId, userId, role, line, cancellationToken).ConfigureAwait(false);
        var shown = kept ? reply.Text + "\n\n" + (options.Language == "ru"
            ? "Удалите своё сообщение с кодом: бот не может удалять сообщения в этом чате."
            : "Delete your message with the code: the bot may not delete messages in this chat.") : reply.Text;
        await sender.SendHtmlAsync(chatId, ParseModeEscaping.Html(shown), reply.Buttons, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the user's message that held a secret; false when the chat does not let the bot. Per the Bot API
    /// (https://core.telegram.org/bots/api#deletemessage) a bot deletes incoming messages in private chats, in groups
    /// only as an administrator, and nothing older than 48 hours; otherwise it answers 400 "message can't be deleted".
    /// </summary>
    private async Task<bool> ForgetAsync(long chatId, int messageId, CancellationToken cancellationToken)
    {
        try
        {
            await bot.DeleteMessage(chatId, messageId, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ApiRequestException ex)
        {
            LogNotDeleted(logger, chatId, ex.ErrorCode, ex.Message);
            return false;
        }
    }

    private async Task HandleCallbackAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        var data = query.Data ?? string.Empty;
        if (Allowed(chatId, query.From.Id, "button " + data) is not { } role)
        {
            return;
        }

        var words = AlertWords.For(options.Language);
        var actor = "telegram:" + query.From.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string answer;
        if (data.StartsWith("cmd:", StringComparison.Ordinal))
        {
            await bot.AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            var reply = await RunAsync(chatId, query.From.Id, role, data[4..], cancellationToken).ConfigureAwait(false);
            await sender.SendHtmlAsync(chatId, ParseModeEscaping.Html(reply.Text), reply.Buttons, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!ChatAccess.MayAct(role))
        {
            Refuse(actor, data, role);
            answer = words.NotAllowed;
        }
        else
        {
            var parts = data.Split(':', 3);
            var alert = parts.Length >= 2 ? alerts.FindById(parts[1]) : null;
            var ok = (parts[0], alert) switch
            {
                ("ack", { } a) => await alerts.AcknowledgeAsync(a.Key, actor, cancellationToken).ConfigureAwait(false),
                ("snz", { } a) => alerts.Snooze(a.Key, actor),
                ("act", { } a) when parts.Length == 3 => alerts.InvokeAction(a.Key, parts[2], actor),
                _ => false,
            };
            answer = ok ? words.Done : words.NoAlerts;
        }

        // Every callback query must be answered, or the button keeps spinning (Bot API answerCallbackQuery; text ≤ 200).
        await bot.AnswerCallbackQuery(query.Id, answer.Length <= 200 ? answer : answer[..200], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChatReply> RunAsync(long chatId, long userId, ChatRole role, string line, CancellationToken cancellationToken)
    {
        var words = AlertWords.For(options.Language);
        var name = NameOf(line);
        var actor = "telegram:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!_commands.TryGetValue(name, out var command))
        {
            return new ChatReply(string.Join('\n', _commands.Values.Select(c => $"/{c.Name} — {c.Description}")));
        }

        if (role < command.MinimumRole)
        {
            Refuse(actor, "/" + name, role);
            return new ChatReply(words.NotAllowed);
        }

        return await command.ExecuteAsync(new ChatRequest(chatId, actor, role, ArgumentsOf(line), options.Language), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The command's name in a line without its slash: <c>arm@poh_bot away</c> → <c>arm</c>.</summary>
    private static string NameOf(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? line : line[..space]).Split('@')[0].ToLowerInvariant();
    }

    private static string ArgumentsOf(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? string.Empty : line[(space + 1)..].Trim();
    }

    private ChatRole? Allowed(long chatId, long userId, string what)
    {
        if (access.RoleOf(chatId) is { } role)
        {
            return role;
        }

        audit.Record(new AuditEntry(timeProvider.GetUtcNow(), "telegram:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "telegram_message", "chat:" + chatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "chat not on the allow-list", IAuditTrail.NewCorrelationId(), "refused", what.Length <= 64 ? what : what[..64]));
        return null;
    }

    private void Refuse(string actor, string what, ChatRole role) =>
        audit.Record(new AuditEntry(timeProvider.GetUtcNow(), actor, "telegram_command", what,
            $"{role.ToString().ToLowerInvariant()} role may not run it", IAuditTrail.NewCorrelationId(), "refused"));

    [LoggerMessage(EventId = 7203, Level = LogLevel.Warning, Message = "Telegram: could not delete the message holding a secret in chat {ChatId} (code {Code}: {Reason}); the user is asked to delete it")]
    private static partial void LogNotDeleted(ILogger logger, long chatId, int code, string reason);
}
