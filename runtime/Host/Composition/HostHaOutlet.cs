using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Host.HomeAssistant;
using ProofOfHeat.Notify.HomeAssistant;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// The alert service's way to HA: service calls through the home backend, events through HA's WebSocket
/// <c>fire_event</c> (https://developers.home-assistant.io/docs/api/websocket/#fire-an-event). Without HA (the demo)
/// the event is logged instead, so the alert's text is still seen.
/// </summary>
internal sealed partial class HostHaOutlet(IHomeBackend backend, ILogger<HostHaOutlet> logger, HomeAssistantBackend? homeAssistant = null) : IHaOutlet
{
    /// <inheritdoc />
    public Task FireEventAsync(string eventType, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (homeAssistant is not null)
        {
            return homeAssistant.FireEventAsync(eventType, data, cancellationToken);
        }

        LogEvent(logger, eventType, data.GetValueOrDefault("severity"), data.GetValueOrDefault("event"), data.GetValueOrDefault("title"), data.GetValueOrDefault("message"));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken) =>
        backend.CallServiceAsync(serviceCall, cancellationToken);

    [LoggerMessage(EventId = 7300, Level = LogLevel.Warning, Message = "{EventType} ({Severity}, {Event}): {Title} — {Message}")]
    private static partial void LogEvent(ILogger logger, string eventType, object? severity, object? @event, object? title, object? message);
}
