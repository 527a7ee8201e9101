using System.Globalization;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>getUpdates long polling and what the test's "users" do.</summary>
public sealed partial class FakeTelegramBotApi
{
    // SRV LONG_POLL_MAX_TIMEOUT; limit is clamped to [1, 100] (process_get_updates_query).
    private const int MaxPollSeconds = 50;
    private const string ConflictText = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    private readonly Lock _gate = new();
    private readonly List<JsonObject> _updates = [];
    private readonly HashSet<long> _knownChats = [];
    private readonly HashSet<string> _openQueries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<int>> _injected429 = new(StringComparer.Ordinal);
    private TaskCompletionSource<bool>? _poller;
    private int _nextUpdateId = 700_000_000;
    private int _nextQueryId;

    /// <summary>A user in <paramref name="chatId"/> sends <paramref name="text"/> (a private chat: the user id is the chat id).</summary>
    /// <returns>The update id.</returns>
    public int SendUserMessage(long chatId, string text, long? userId = null)
    {
        var messageId = NextMessageId();
        var message = UserMessage(chatId, userId ?? chatId, text, messageId);
        RememberUserMessage(new FakeTelegramMessage(messageId, chatId, text, null, text, null));
        return Enqueue(id => new JsonObject { ["update_id"] = id, ["message"] = message });
    }

    /// <summary>
    /// A user presses an inline button of a message the bot sent; the button must exist (a user cannot press
    /// anything else). Returns the callback query id.
    /// </summary>
    public string PressButton(FakeTelegramMessage message, string callbackData, long? userId = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.ButtonData.Contains(callbackData))
        {
            throw new InvalidOperationException($"Message {message.MessageId} has no button with data '{callbackData}'.");
        }

        string queryId;
        lock (_gate)
        {
            queryId = (++_nextQueryId).ToString(CultureInfo.InvariantCulture) + "4242";
            _openQueries.Add(queryId);
        }

        var from = userId ?? message.ChatId;
        Enqueue(id => new JsonObject
        {
            ["update_id"] = id,
            ["callback_query"] = new JsonObject
            {
                ["id"] = queryId,
                ["from"] = User(from),
                ["message"] = new JsonObject
                {
                    ["message_id"] = message.MessageId,
                    ["date"] = UnixNow(),
                    ["chat"] = Chat(message.ChatId),
                    ["from"] = BotUser(),
                    ["text"] = message.VisibleText,
                },
                ["chat_instance"] = "-" + message.ChatId.ToString(CultureInfo.InvariantCulture),
                ["data"] = callbackData,
            },
        });
        return queryId;
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> answer 429 with <c>retry_after</c>.</summary>
    public void RespondWithTooManyRequests(string method, int retryAfterSeconds, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_gate)
        {
            if (!_injected429.TryGetValue(method.ToLowerInvariant(), out var queue))
            {
                _injected429[method.ToLowerInvariant()] = queue = new Queue<int>();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(retryAfterSeconds);
            }
        }
    }

    /// <summary>Whether a getUpdates call is waiting for updates right now.</summary>
    public bool HasWaitingPoll
    {
        get
        {
            lock (_gate)
            {
                return _poller is not null;
            }
        }
    }

    /// <summary>Updates not yet confirmed by an offset.</summary>
    public int PendingUpdates
    {
        get
        {
            lock (_gate)
            {
                return _updates.Count;
            }
        }
    }

    private FakeTelegramReply? TakeInjectedError(string method)
    {
        lock (_gate)
        {
            if (_injected429.TryGetValue(method, out var queue) && queue.TryDequeue(out var retryAfter))
            {
                // SRV Query::set_retry_after_error.
                return FakeTelegramReply.Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
            }
        }

        return null;
    }

    private async Task<FakeTelegramReply> GetUpdatesAsync(JsonObject parameters)
    {
        var offset = FakeTelegramValues.Long(parameters, "offset") ?? 0;
        var limit = (int)Math.Clamp(FakeTelegramValues.Long(parameters, "limit") ?? 100, 1, 100);
        var timeout = (int)Math.Clamp(FakeTelegramValues.Long(parameters, "timeout") ?? 0, 0, MaxPollSeconds);
        var mine = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            // The older poll is the one that fails (SRV abort_long_poll).
            _poller?.TrySetResult(false);
            _poller = null;
            Confirm(offset);
            if (_updates.Count > 0 || timeout == 0)
            {
                return FakeTelegramReply.Ok(new JsonArray([.. _updates.Take(limit).Select(u => (JsonNode)u.DeepClone())]));
            }

            _poller = mine;
        }

        var woke = await Task.WhenAny(mine.Task, Task.Delay(TimeSpan.FromSeconds(timeout), _shutdown.Token)) == mine.Task;
        lock (_gate)
        {
            if (_poller == mine)
            {
                _poller = null;
            }

            if (woke && !mine.Task.Result)
            {
                return FakeTelegramReply.Error(409, ConflictText);
            }

            return FakeTelegramReply.Ok(new JsonArray([.. _updates.Take(limit).Select(u => (JsonNode)u.DeepClone())]));
        }
    }

    // API getUpdates: an update is confirmed by an offset above its id; a negative offset keeps the last -offset.
    private void Confirm(long offset)
    {
        if (offset > 0)
        {
            _updates.RemoveAll(u => u["update_id"]!.GetValue<int>() < offset);
        }
        else if (offset < 0 && _updates.Count > -offset)
        {
            _updates.RemoveRange(0, _updates.Count - (int)-offset);
        }
    }

    private int Enqueue(Func<int, JsonObject> create)
    {
        lock (_gate)
        {
            var id = ++_nextUpdateId;
            _updates.Add(create(id));
            _poller?.TrySetResult(true);
            return id;
        }
    }

    private JsonObject UserMessage(long chatId, long userId, string text, int messageId)
    {
        lock (_gate)
        {
            _knownChats.Add(chatId);
        }

        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = User(userId),
            ["date"] = UnixNow(),
            ["chat"] = Chat(chatId),
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        return message;
    }

    private static JsonObject User(long id) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "User " + id.ToString(CultureInfo.InvariantCulture) };

    private static JsonObject Chat(long id) => new() { ["id"] = id, ["type"] = id < 0 ? "group" : "private" };

    private static long UnixNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
