using System.Text.Json;
using ProofOfHeat.HomeAssistant.Codec;

namespace ProofOfHeat.HomeAssistant.Connection;

/// <summary>A command waiting for its <c>result</c> or <c>pong</c>.</summary>
/// <param name="commandType">The command's type, for error messages.</param>
/// <param name="onResultInReader">
/// Optional work done on the reader loop before the waiter resumes, so it happens in wire order relative to events
/// (used to hand the get_states snapshot to the handler before any later state_changed).
/// </param>
internal sealed class HaPendingRequest(string commandType, Action<JsonElement>? onResultInReader)
{
    // Continuations run elsewhere: the reader loop must never run consumer code that awaits.
    private readonly TaskCompletionSource<JsonElement> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string CommandType { get; } = commandType;

    public Task<JsonElement> Task => _completion.Task;

    /// <summary>Completes from a <c>result</c> message.</summary>
    public void CompleteFromResult(JsonElement message)
    {
        if (!HaMessageDecoder.TryReadResult(message, out var result, out var error))
        {
            _completion.TrySetException(new HomeAssistantCommandException(error!.Code, error.Message)
            {
                CommandType = CommandType,
                TranslationKey = error.TranslationKey,
            });
            return;
        }

        try
        {
            onResultInReader?.Invoke(result);
            _completion.TrySetResult(result);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            _completion.TrySetException(new HomeAssistantConnectionException($"Malformed answer to {CommandType}.", ex));
        }
    }

    /// <summary>Completes from a <c>pong</c> message.</summary>
    public void CompleteFromPong(JsonElement message)
    {
        onResultInReader?.Invoke(message);
        _completion.TrySetResult(message);
    }

    /// <summary>Fails the request because the connection ended.</summary>
    public void Fail(Exception error) => _completion.TrySetException(error);
}
