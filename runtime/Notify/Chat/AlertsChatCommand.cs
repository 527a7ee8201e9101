using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify.Chat;

/// <summary><c>/alerts</c>: the open alerts, most severe first, with an Acknowledge button for each unanswered one.</summary>
public sealed class AlertsChatCommand(IAlerts alerts, AlertTextRenderer texts) : IChatCommand
{
    private const int MaxListed = 10;

    /// <inheritdoc />
    public string Name => "alerts";

    /// <inheritdoc />
    public string Description => "Open alerts";

    /// <inheritdoc />
    public bool Acts => false;

    /// <inheritdoc />
    public Task<ChatReply> ExecuteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = AlertWords.For(request.Language);
        var open = alerts.Open;
        if (open.Count == 0)
        {
            return Task.FromResult(new ChatReply(words.NoAlerts));
        }

        var lines = open.Take(MaxListed).Select(a =>
        {
            var text = texts.Render(a, request.Language);
            var state = a.State == AlertState.Acknowledged ? $" ({words.Acknowledged} {a.By})" : string.Empty;
            return $"{AlertMarks.Of(a.Severity)} {text.Title}{state} [{a.Id}]";
        });
        var buttons = open.Take(MaxListed)
            .Where(a => a.State == AlertState.Raised)
            .Select(a => new ChatButton($"{words.Acknowledge}: {Shorten(texts.Render(a, request.Language).Title)}", "ack:" + a.Id))
            .ToList();
        return Task.FromResult(new ChatReply(string.Join('\n', lines), buttons));
    }

    private static string Shorten(string title) => title.Length <= 30 ? title : title[..29] + "…";
}
