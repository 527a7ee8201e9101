namespace ProofOfHeat.Notify.Telegram;

/// <summary>One Telegram message that carried an alert.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="MessageId">The message's id in that chat.</param>
/// <param name="Html">The text as sent (HTML), which an edit keeps and adds to.</param>
public sealed record SentAlertMessage(long ChatId, int MessageId, string Html);
