using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify.Chat;

/// <summary><c>/ack [id|key]</c>: acknowledges one alert, or every unanswered one without an argument.</summary>
public sealed class AckChatCommand(AlertService alerts) : IChatCommand
{
    /// <inheritdoc />
    public string Name => "ack";

    /// <inheritdoc />
    public string Description => "Acknowledge alerts (all, or one by id)";

    /// <inheritdoc />
    public bool Acts => true;

    /// <inheritdoc />
    public async Task<ChatReply> ExecuteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = AlertWords.For(request.Language);
        var targets = request.Arguments.Length == 0
            ? alerts.Open.Where(a => a.State == AlertState.Raised).ToList()
            : alerts.Open.Where(a => a.Id == request.Arguments || a.Key == request.Arguments).ToList();
        if (targets.Count == 0)
        {
            return new ChatReply(words.NoAlerts);
        }

        var done = 0;
        foreach (var alert in targets)
        {
            if (await alerts.AcknowledgeAsync(alert.Key, request.Actor, cancellationToken).ConfigureAwait(false))
            {
                done++;
            }
        }

        return new ChatReply($"{words.Done} ({done})");
    }
}
