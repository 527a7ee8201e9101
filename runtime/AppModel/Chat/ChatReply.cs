namespace ProofOfHeat.AppModel.Chat;

/// <summary>What a command answers: plain text and optional inline buttons (one row each).</summary>
/// <param name="Text">Plain text; the bot escapes it for its parse mode.</param>
/// <param name="Buttons">Buttons, or null.</param>
public sealed record ChatReply(string Text, IReadOnlyList<ChatButton>? Buttons = null);
