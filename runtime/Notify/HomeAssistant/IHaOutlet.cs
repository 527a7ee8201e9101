using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.Notify.HomeAssistant;

/// <summary>
/// What the alert service needs from Home Assistant: fire an event and call a service. The host implements it over
/// its HA connection (WebSocket <c>fire_event</c> and <c>call_service</c>); in the demo, over the simulated home.
/// </summary>
public interface IHaOutlet
{
    /// <summary>Fires <paramref name="eventType"/> with <paramref name="data"/> on HA's event bus.</summary>
    /// <exception cref="ServiceCallException">HA is not connected or refused the event.</exception>
    Task FireEventAsync(string eventType, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken);

    /// <summary>Calls a service and waits for HA's result.</summary>
    /// <exception cref="ServiceCallException">HA is not connected or the service failed.</exception>
    Task CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken);
}
