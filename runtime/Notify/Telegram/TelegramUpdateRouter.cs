using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Texts;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ProofOfHeat.Notify.Telegram;

/// <summary>
/// Answers one update: a command message or a button press. A chat not on the allow-list gets no answer at all
/// (and the attempt is audited); a guest may read but gets "not allowed" for anything that acts.
/// </summary>
public sealed class TelegramUpdateRouter(
    ITelegramBotClient bot,
    TelegramSender sender,
    ChatAccess access,
    AlertService alerts,
    IEnumerable<IChatCommand> commands,
    NotifyOptions options,
    IAuditTrail audit,
    TimeProvider timeProvider)
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
            return HandleMessageAsync(message.Chat.Id, message.From?.Id ?? message.Chat.Id, text, cancellationToken);
        }

        return update.CallbackQuery is { } query ? HandleCallbackAsync(query, cancellationToken) : Task.CompletedTask;
    }

    private async Task HandleMessageAsync(long chatId, long userId, string text, CancellationToken cancellationToken)
    {
        if (Allowed(chatId, userId, text) is not { } role)
        {
            return;
        }

        var reply = await RunAsync(chatId, userId, role, text.TrimStart('/'), cancellationToken).ConfigureAwait(false);
        await sender.SendHtmlAsync(chatId, ParseModeEscaping.Html(reply.Text), reply.Buttons, cancellationToken).ConfigureAwait(false);
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
            Refuse(actor, data);
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
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var name = (space < 0 ? line : line[..space]).Split('@')[0].ToLowerInvariant();
        var arguments = space < 0 ? string.Empty : line[(space + 1)..].Trim();
        var actor = "telegram:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!_commands.TryGetValue(name, out var command))
        {
            return new ChatReply(string.Join('\n', _commands.Values.Select(c => $"/{c.Name} — {c.Description}")));
        }

        if (command.Acts && !ChatAccess.MayAct(role))
        {
            Refuse(actor, "/" + name);
            return new ChatReply(words.NotAllowed);
        }

        return await command.ExecuteAsync(new ChatRequest(chatId, actor, role, arguments, options.Language), cancellationToken).ConfigureAwait(false);
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

    private void Refuse(string actor, string what) =>
        audit.Record(new AuditEntry(timeProvider.GetUtcNow(), actor, "telegram_command", what, "guest role may not act", IAuditTrail.NewCorrelationId(), "refused"));
}
