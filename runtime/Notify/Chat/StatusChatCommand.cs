using System.Globalization;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Notify.Options;

namespace ProofOfHeat.Notify.Chat;

/// <summary><c>/status</c>: the home's connection, the alarm panel's state and the open alerts by severity.</summary>
public sealed class StatusChatCommand(IAlerts alerts, NotifyOptions options, HomeRuntime? runtime = null) : IChatCommand
{
    /// <inheritdoc />
    public string Name => "status";

    /// <inheritdoc />
    public string Description => "The home at a glance";

    /// <inheritdoc />
    public bool Acts => false;

    /// <inheritdoc />
    public Task<ChatReply> ExecuteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var open = alerts.Open;
        var ru = request.Language == "ru";
        var lines = new List<string>();
        if (runtime is not null)
        {
            lines.Add((ru ? "Дом: " : "Home: ") + (runtime.IsConnected ? (ru ? "на связи" : "connected") : (ru ? "нет связи" : "disconnected")));
            if (options.AlarmPanelEntity is { } panel && runtime.GetState(panel) is { } state)
            {
                lines.Add((ru ? "Сигнализация: " : "Alarm: ") + state.State);
            }
        }

        lines.Add(string.Format(CultureInfo.InvariantCulture,
            ru ? "Тревоги: {0} критических, {1} предупреждений, {2} инфо" : "Alerts: {0} critical, {1} warning, {2} info",
            open.Count(a => a.Severity == AlertSeverity.Critical),
            open.Count(a => a.Severity == AlertSeverity.Warning),
            open.Count(a => a.Severity == AlertSeverity.Info)));
        return Task.FromResult(new ChatReply(string.Join('\n', lines), [ChatButton.Command(ru ? "Тревоги" : "Alerts", "alerts")]));
    }
}
