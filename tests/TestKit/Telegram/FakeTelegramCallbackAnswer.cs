namespace ProofOfHeat.TestKit.Telegram;

/// <summary>An answerCallbackQuery the fake accepted.</summary>
/// <param name="CallbackQueryId">The query answered.</param>
/// <param name="Text">The notification text, or null.</param>
public sealed record FakeTelegramCallbackAnswer(string CallbackQueryId, string? Text);
