using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Notify.Options;

namespace ProofOfHeat.Notify.Telegram;

/// <summary>The allow-list: which chats may talk to the bot and in which role.</summary>
public sealed class ChatAccess
{
    private readonly Dictionary<long, ChatRole> _roles;

    /// <summary>Builds the list from the options.</summary>
    public ChatAccess(TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _roles = options.Chats.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.Max(c => c.Role));
    }

    /// <summary>The chat's role, or null when it is not allowed.</summary>
    public ChatRole? RoleOf(long chatId) => _roles.TryGetValue(chatId, out var role) ? role : null;

    /// <summary>Whether <paramref name="role"/> may change things.</summary>
    public static bool MayAct(ChatRole role) => role >= ChatRole.Operator;
}
