namespace ProofOfHeat.Notify.Options;

/// <summary>The Telegram bot: its token and the chats allowed to talk to it.</summary>
public sealed record TelegramOptions
{
    /// <summary>The bot token from @BotFather (a secret; never logged).</summary>
    public required string Token { get; init; }

    /// <summary>The allow-list: chat ids with their roles. A chat not listed is ignored and audited.</summary>
    public IReadOnlyList<TelegramChatOptions> Chats { get; init; } = [];

    /// <summary>Another Bot API server (a local one or a test fake), or null for api.telegram.org.</summary>
    public Uri? ServerUrl { get; init; }

    /// <summary>The long-poll <c>timeout</c> sent with getUpdates; the server clamps it to 50 s (tdlib/telegram-bot-api Client.cpp, LONG_POLL_MAX_TIMEOUT).</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>The first delay after a failed poll; it doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between failed polls.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The least time between two messages to one chat (the FAQ's about 1 message per second per chat).</summary>
    public TimeSpan PerChatInterval { get; init; } = TimeSpan.FromSeconds(1);
}
