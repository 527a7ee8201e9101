using System.Text.Json;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Host.Storage;

namespace ProofOfHeat.Host.Composition;

/// <summary><c>/profile</c>: the heating profile in force, from the run-time state <c>heating/active_profile</c> (a JSON string).</summary>
internal sealed class ProfileChatCommand(RuntimeStore store) : IChatCommand
{
    /// <inheritdoc />
    public string Name => "profile";

    /// <inheritdoc />
    public string Description => "The heating profile in force";

    /// <inheritdoc />
    public bool Acts => false;

    /// <inheritdoc />
    public async Task<ChatReply> ExecuteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = await store.GetStateJsonAsync("heating", "active_profile", cancellationToken).ConfigureAwait(false);
        var name = json is null ? null : JsonSerializer.Deserialize<string>(json);
        var ru = request.Language == "ru";
        return new ChatReply(name is null
            ? (ru ? "Профиль отопления не выбран (действует настроенный)." : "No profile chosen (the configured one is in force).")
            : (ru ? $"Профиль отопления: {name}" : $"Heating profile: {name}"));
    }
}
