namespace ProofOfHeat.AppModel.Chat;

/// <summary>
/// One bot command (<c>/status</c>, <c>/arm</c> …), registered in DI so apps and the host can add what the
/// runtime alone cannot answer. The bot checks the chat's role against <see cref="MinimumRole"/> before calling it.
/// It lives in the app model (not beside the Telegram bot) so that an app offers commands without knowing the bot.
/// </summary>
public interface IChatCommand
{
    /// <summary>The command without the slash: 1–32 lowercase letters, digits or <c>_</c> (setMyCommands' rule).</summary>
    string Name { get; }

    /// <summary>One line for the bot's command menu (1–256 characters).</summary>
    string Description { get; }

    /// <summary>Whether it changes something (guests may not run it).</summary>
    bool Acts { get; }

    /// <summary>The least role a chat needs to run it: operators for what acts, guests for what only reads, unless a
    /// command asks for more (arming and disarming the alarm need an admin).</summary>
    ChatRole MinimumRole => Acts ? ChatRole.Operator : ChatRole.Guest;

    /// <summary>Whether the text after the command is a secret (an alarm code): the bot never echoes or logs it, and
    /// deletes the message that held it where the chat lets it.</summary>
    bool ArgumentsAreSecret => false;

    /// <summary>Runs the command; the reply's text is plain (the bot escapes it).</summary>
    Task<ChatReply> ExecuteAsync(ChatRequest request, CancellationToken cancellationToken);
}
