using ProofOfHeat.AppModel.Chat;

namespace ProofOfHeat.Notify.Options;

/// <summary>One allowed Telegram chat.</summary>
/// <param name="Id">The chat id (a user's private chat id equals the user id; groups are negative).</param>
/// <param name="Role">What the chat may do.</param>
public sealed record TelegramChatOptions(long Id, ChatRole Role);
