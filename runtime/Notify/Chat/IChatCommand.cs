namespace ProofOfHeat.Notify.Chat;

/// <summary>
/// One bot command (<c>/status</c>, <c>/arm</c> …), registered in DI so apps and the host can add what the
/// runtime alone cannot answer. The bot checks the chat's role before calling a command that <see cref="Acts"/>.
/// </summary>
public interface IChatCommand
{
    /// <summary>The command without the slash: 1–32 lowercase letters, digits or <c>_</c> (setMyCommands' rule).</summary>
    string Name { get; }

    /// <summary>One line for the bot's command menu (1–256 characters).</summary>
    string Description { get; }

    /// <summary>Whether it changes something (guests may not run it).</summary>
    bool Acts { get; }

    /// <summary>Runs the command; the reply's text is plain (the bot escapes it).</summary>
    Task<ChatReply> ExecuteAsync(ChatRequest request, CancellationToken cancellationToken);
}
