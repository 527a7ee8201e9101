using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>
/// deleteMessage and editMessageText, with the rules the Bot API states for them
/// (https://core.telegram.org/bots/api#deletemessage, #editmessagetext): the bot deletes incoming messages in private
/// chats, and in groups only as an administrator; it edits only its own messages; an edit that changes nothing is
/// refused. Error texts are the official server's ("Bad Request: message can't be deleted", "message to delete not
/// found", "message to edit not found", "message can't be edited", "message is not modified: …"; the list of
/// them in teloxide's src/errors.rs ApiError; the methods in https://core.telegram.org/bots/api#deletemessage).
/// </summary>
public sealed partial class FakeTelegramBotApi
{
    private const string NotModifiedText =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    // Messages still in their chats: what users sent (MessageId, ChatId, Text, …) and what the bot sent or last edited.
    private readonly Dictionary<(long Chat, int Id), FakeTelegramMessage> _userMessages = [];
    private readonly Dictionary<(long Chat, int Id), FakeTelegramMessage> _botMessages = [];
    private readonly HashSet<long> _botAdministratorOf = [];

    /// <summary>Every message users sent (in the chat and in order), deleted or not.</summary>
    public FakeTelegramLog<FakeTelegramMessage> UserMessages { get; } = new();

    /// <summary>Every message deleted by the bot (chat, message id).</summary>
    public FakeTelegramLog<(long ChatId, int MessageId)> DeletedMessages { get; } = new();

    /// <summary>Every accepted edit of a bot message, as the message reads after it.</summary>
    public FakeTelegramLog<FakeTelegramMessage> EditedMessages { get; } = new();

    /// <summary>Makes the bot an administrator of group <paramref name="chatId"/>, so it may delete users' messages there.</summary>
    public void MakeBotAdministrator(long chatId)
    {
        lock (_gate)
        {
            _botAdministratorOf.Add(chatId);
        }
    }

    /// <summary>The user deletes message <paramref name="messageId"/> from chat <paramref name="chatId"/> for everyone (a
    /// private chat lets either side delete any message).</summary>
    public void DeleteByUser(long chatId, int messageId)
    {
        lock (_gate)
        {
            _botMessages.Remove((chatId, messageId));
            _userMessages.Remove((chatId, messageId));
        }
    }

    /// <summary>Whether message <paramref name="messageId"/> is still in chat <paramref name="chatId"/>.</summary>
    public bool IsInChat(long chatId, int messageId)
    {
        lock (_gate)
        {
            return _userMessages.ContainsKey((chatId, messageId)) || _botMessages.ContainsKey((chatId, messageId));
        }
    }

    private void RememberUserMessage(FakeTelegramMessage message)
    {
        lock (_gate)
        {
            _userMessages[(message.ChatId, message.MessageId)] = message;
        }

        UserMessages.Add(message);
    }

    private void RememberBotMessage(FakeTelegramMessage message)
    {
        lock (_gate)
        {
            _botMessages[(message.ChatId, message.MessageId)] = message;
        }
    }

    private FakeTelegramReply DeleteMessage(JsonObject parameters)
    {
        var chat = FakeTelegramValues.Long(parameters, "chat_id") ?? throw new FormatException("chat_id is empty");
        var id = (int)(FakeTelegramValues.Long(parameters, "message_id") ?? throw new FormatException("message_id is empty"));
        lock (_gate)
        {
            if (!_knownChats.Contains(chat))
            {
                return FakeTelegramReply.Error(400, "Bad Request: chat not found");
            }

            if (_botMessages.Remove((chat, id)))
            {
                // "Bots can delete outgoing messages in private chats, groups, and supergroups."
            }
            else if (_userMessages.ContainsKey((chat, id)))
            {
                // "Bots can delete incoming messages in private chats"; in a group "if the bot is an administrator".
                if (chat < 0 && !_botAdministratorOf.Contains(chat))
                {
                    return FakeTelegramReply.Error(400, "Bad Request: message can't be deleted");
                }

                _userMessages.Remove((chat, id));
            }
            else
            {
                return FakeTelegramReply.Error(400, "Bad Request: message to delete not found");
            }
        }

        DeletedMessages.Add((chat, id));
        return FakeTelegramReply.Ok(true);
    }

    private FakeTelegramReply EditMessageText(JsonObject parameters)
    {
        if (FakeTelegramValues.String(parameters, "inline_message_id") is not null)
        {
            return FakeTelegramReply.Error(400, "Bad Request: MESSAGE_ID_INVALID");
        }

        var chat = FakeTelegramValues.Long(parameters, "chat_id") ?? throw new FormatException("chat_id is empty");
        var id = (int)(FakeTelegramValues.Long(parameters, "message_id") ?? throw new FormatException("message_id is empty"));
        var text = FakeTelegramValues.String(parameters, "text") ?? string.Empty;
        var parseMode = FakeTelegramValues.String(parameters, "parse_mode");
        var checkedText = CheckText(text, parseMode);
        if (checkedText.Error is { } error)
        {
            return error;
        }

        var markup = parameters["reply_markup"] as JsonObject;
        if (markup is not null && CheckMarkup(markup) is { } problem)
        {
            return FakeTelegramReply.Error(400, "Bad Request: " + problem);
        }

        FakeTelegramMessage edited;
        lock (_gate)
        {
            if (!_botMessages.TryGetValue((chat, id), out var current))
            {
                return _userMessages.ContainsKey((chat, id))
                    ? FakeTelegramReply.Error(400, "Bad Request: message can't be edited")
                    : FakeTelegramReply.Error(400, "Bad Request: message to edit not found");
            }

            var sameMarkup = JsonNode.DeepEquals(current.ReplyMarkup, markup);
            if (current.VisibleText == checkedText.Visible && sameMarkup)
            {
                return FakeTelegramReply.Error(400, NotModifiedText);
            }

            edited = new FakeTelegramMessage(id, chat, text, parseMode, checkedText.Visible!, markup?.DeepClone().AsObject());
            _botMessages[(chat, id)] = edited;
        }

        EditedMessages.Add(edited);
        var result = new JsonObject
        {
            ["message_id"] = id,
            ["from"] = BotUser(),
            ["date"] = UnixNow(),
            ["edit_date"] = UnixNow(),
            ["chat"] = Chat(chat),
            ["text"] = checkedText.Visible,
        };
        if (markup is not null)
        {
            result["reply_markup"] = markup.DeepClone();
        }

        return FakeTelegramReply.Ok(result);
    }
}
