using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>sendMessage, answerCallbackQuery and setMyCommands, with the Bot API's limits.</summary>
public sealed partial class FakeTelegramBotApi
{
    private const int MaxTextLength = 4096;
    private const int MaxCallbackData = 64;
    private const int MaxAnswerText = 200;
    private int _nextMessageId = 100;

    /// <summary>The commands last set with setMyCommands.</summary>
    public IReadOnlyList<string> Commands { get; private set; } = [];

    /// <summary>Marks a chat as one that started the bot, so the bot may message it first.</summary>
    public void AddChat(long chatId)
    {
        lock (_gate)
        {
            _knownChats.Add(chatId);
        }
    }

    private int NextMessageId() => Interlocked.Increment(ref _nextMessageId);

    private FakeTelegramReply SendMessage(JsonObject parameters)
    {
        var chat = FakeTelegramValues.Long(parameters, "chat_id") ?? throw new FormatException("chat_id is empty");
        lock (_gate)
        {
            if (!_knownChats.Contains(chat))
            {
                return FakeTelegramReply.Error(400, "Bad Request: chat not found");
            }
        }

        var text = FakeTelegramValues.String(parameters, "text") ?? string.Empty;
        var parseMode = FakeTelegramValues.String(parameters, "parse_mode");
        var checkedText = CheckText(text, parseMode);
        if (checkedText.Error is { } error)
        {
            return error;
        }

        var visible = checkedText.Visible!;
        var markup = parameters["reply_markup"] as JsonObject;
        if (markup is not null && CheckMarkup(markup) is { } problem)
        {
            return FakeTelegramReply.Error(400, "Bad Request: " + problem);
        }

        var id = NextMessageId();
        var sent = new FakeTelegramMessage(id, chat, text, parseMode, visible, markup?.DeepClone().AsObject());
        RememberBotMessage(sent);
        SentMessages.Add(sent);
        var result = new JsonObject
        {
            ["message_id"] = id,
            ["from"] = BotUser(),
            ["date"] = UnixNow(),
            ["chat"] = Chat(chat),
            ["text"] = visible,
        };
        if (markup is not null)
        {
            result["reply_markup"] = markup.DeepClone();
        }

        return FakeTelegramReply.Ok(result);
    }

    /// <summary>The text as the user sees it after entity parsing, or the error the API gives (sendMessage, editMessageText).</summary>
    private static (string? Visible, FakeTelegramReply? Error) CheckText(string text, string? parseMode)
    {
        string visible;
        try
        {
            // The real API matches parse_mode case-insensitively (Telegram.Bot sends "Html"): influxdata/kapacitor#1133 sent mixed case.
            visible = parseMode?.ToLowerInvariant() switch
            {
                null or "" => text,
                "html" => FakeTelegramHtml.Visible(text),
                "markdownv2" => FakeTelegramMarkdown.Visible(text),
                _ => throw new FormatException("unsupported parse_mode"),
            };
        }
        catch (FormatException ex)
        {
            return (null, FakeTelegramReply.Error(400, "Bad Request: can't parse entities: " + ex.Message));
        }

        if (visible.Trim().Length == 0)
        {
            return (null, FakeTelegramReply.Error(400, "Bad Request: message text is empty"));
        }

        // The 1–4096 limit counts characters after entity parsing (API sendMessage).
        return visible.Length > MaxTextLength ? (null, FakeTelegramReply.Error(400, "Bad Request: message is too long")) : (visible, null);
    }

    private static string? CheckMarkup(JsonObject markup)
    {
        if (markup["inline_keyboard"] is not JsonArray rows)
        {
            return "field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array";
        }

        foreach (var row in rows)
        {
            if (row is not JsonArray buttons)
            {
                return "field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays";
            }

            foreach (var button in buttons.OfType<JsonObject>())
            {
                if (button["text"]?.GetValue<string>() is not { Length: > 0 })
                {
                    return "text buttons are unallowed in the inline keyboard";
                }

                // InlineKeyboardButton.callback_data: 1–64 bytes; TDLib answers BUTTON_DATA_INVALID.
                if (button["callback_data"]?.GetValue<string>() is { } data
                    && Encoding.UTF8.GetByteCount(data) is 0 or > MaxCallbackData)
                {
                    return "BUTTON_DATA_INVALID";
                }
            }
        }

        return null;
    }

    private FakeTelegramReply AnswerCallbackQuery(JsonObject parameters)
    {
        var id = FakeTelegramValues.String(parameters, "callback_query_id") ?? string.Empty;
        var text = FakeTelegramValues.String(parameters, "text");
        if (text is { Length: > MaxAnswerText })
        {
            return FakeTelegramReply.Error(400, "Bad Request: MESSAGE_TOO_LONG");
        }

        lock (_gate)
        {
            if (!_openQueries.Remove(id))
            {
                return FakeTelegramReply.Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
            }
        }

        CallbackAnswers.Add(new FakeTelegramCallbackAnswer(id, text));
        return FakeTelegramReply.Ok(true);
    }

    private FakeTelegramReply SetMyCommands(JsonObject parameters)
    {
        if (parameters["commands"] is not JsonArray commands || commands.Count > 100)
        {
            return FakeTelegramReply.Error(400, "Bad Request: field \"commands\" must be an Array of at most 100 BotCommand");
        }

        var names = new List<string>();
        foreach (var command in commands.OfType<JsonObject>())
        {
            var name = command["command"]?.GetValue<string>() ?? string.Empty;
            var description = command["description"]?.GetValue<string>() ?? string.Empty;
            if (!CommandName().IsMatch(name))
            {
                return FakeTelegramReply.Error(400, "Bad Request: BOT_COMMAND_INVALID");
            }

            if (description.Length is 0 or > 256)
            {
                return FakeTelegramReply.Error(400, "Bad Request: command description is empty or too long");
            }

            names.Add(name);
        }

        Commands = names;
        return FakeTelegramReply.Ok(true);
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandName();

}
