using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>A message the bot sent (sendMessage accepted by the fake).</summary>
/// <param name="MessageId">The id the fake gave it.</param>
/// <param name="ChatId">The chat.</param>
/// <param name="Text">The text as sent (with markup).</param>
/// <param name="ParseMode">The parse mode as sent, or null.</param>
/// <param name="VisibleText">The text after entity parsing (tags removed, entities decoded): what the user sees.</param>
/// <param name="ReplyMarkup">The reply markup as sent, or null.</param>
public sealed record FakeTelegramMessage(int MessageId, long ChatId, string Text, string? ParseMode, string VisibleText, JsonObject? ReplyMarkup)
{
    /// <summary>The callback data of every inline button, row by row.</summary>
    public IReadOnlyList<string> ButtonData => ReplyMarkup?["inline_keyboard"]?.AsArray()
        .SelectMany(row => row!.AsArray())
        .Select(b => b!["callback_data"]?.GetValue<string>() ?? string.Empty)
        .ToList() ?? [];
}
