using ProofOfHeat.AppModel.Chat;

namespace ProofOfHeat.Host.Configuration;

/// <summary>One allowed Telegram chat (<c>notify.telegram.chats[i]</c>).</summary>
internal sealed class NotifyTelegramChatSection
{
    /// <summary>The chat id.</summary>
    /// <value>Required.</value>
    public required long Id { get; set; }

    /// <summary>admin, operator (read and act) or guest (read only).</summary>
    /// <value>Default: guest.</value>
    public ChatRole Role { get; set; } = ChatRole.Guest;
}
