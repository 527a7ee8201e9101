namespace ProofOfHeat.AppModel.Chat;

/// <summary>An inline button.</summary>
/// <param name="Text">The label.</param>
/// <param name="Data">The callback data, at most 64 bytes (Bot API InlineKeyboardButton): <c>ack:&lt;id&gt;</c>,
/// <c>snz:&lt;id&gt;</c>, <c>act:&lt;id&gt;:&lt;action&gt;</c> or <c>cmd:&lt;command line&gt;</c>.</param>
public sealed record ChatButton(string Text, string Data)
{
    /// <summary>The Bot API's limit on callback data, in UTF-8 bytes.</summary>
    public const int MaxDataBytes = 64;

    /// <summary>A button that runs a command line as if typed, e.g. <c>arm away</c>.</summary>
    public static ChatButton Command(string text, string commandLine) => new(text, "cmd:" + commandLine);
}
