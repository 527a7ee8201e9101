namespace ProofOfHeat.Host.Configuration;

/// <summary>The Telegram bot (<c>notify.telegram:</c>).</summary>
internal sealed class NotifyTelegramSection
{
    /// <summary>The bot token from @BotFather. Never logged.</summary>
    /// <value>Required when the section is present.</value>
    [Secret]
    public required string Token { get; set; }

    /// <summary>The allow-list: chats with their roles; any other chat is ignored and audited.</summary>
    /// <value>Default: none (the bot answers nobody).</value>
    public List<NotifyTelegramChatSection> Chats { get; set; } = [];

    /// <summary>Another Bot API server (a local one).</summary>
    /// <value>Default: null (api.telegram.org).</value>
    [UriSchemes("http", "https")]
    public Uri? ServerUrl { get; set; }
}
