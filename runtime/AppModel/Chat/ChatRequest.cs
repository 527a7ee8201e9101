namespace ProofOfHeat.AppModel.Chat;

/// <summary>A command as a chat sent it.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="Actor">Who, for the audit: <c>telegram:&lt;user id&gt;</c>.</param>
/// <param name="Role">The chat's role from the allow-list.</param>
/// <param name="Arguments">The text after the command, trimmed (may be empty).</param>
/// <param name="Language">The language to answer in.</param>
public sealed record ChatRequest(long ChatId, string Actor, ChatRole Role, string Arguments, string Language);
