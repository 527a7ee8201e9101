using System.Text.Json;

namespace ProofOfHeat.HomeAssistant;

/// <summary>One authenticated WebSocket connection to HA. Ids restart at 1 on each connection.</summary>
public interface IHomeAssistantConnection : IAsyncDisposable
{
    /// <summary>HA's version from <c>auth_ok</c>, for example <c>2026.4.0</c>.</summary>
    string HaVersion { get; }

    /// <summary>Sends <c>get_config</c>.</summary>
    Task<HaConfig> GetConfigAsync(CancellationToken cancellationToken);

    /// <summary>Sends <c>get_states</c>.</summary>
    Task<IReadOnlyList<HaState>> GetStatesAsync(CancellationToken cancellationToken);

    /// <summary>Sends <c>get_services</c> and returns the domain → service → metadata map as raw JSON.</summary>
    Task<JsonElement> GetServicesAsync(CancellationToken cancellationToken);

    /// <summary>Subscribes to one event type (null: all events); returns the subscription id.</summary>
    Task<int> SubscribeEventsAsync(string? eventType, CancellationToken cancellationToken);

    /// <summary>Ends a subscription made by <see cref="SubscribeEventsAsync"/>.</summary>
    Task UnsubscribeEventsAsync(int subscriptionId, CancellationToken cancellationToken);

    /// <summary>
    /// Calls a service and waits until HA has run it. Errors come back as <see cref="HomeAssistantCommandException"/>.
    /// </summary>
    /// <param name="domain">The service domain, for example <c>valve</c>.</param>
    /// <param name="service">The service, for example <c>close_valve</c>.</param>
    /// <param name="target">What the service acts on, or null.</param>
    /// <param name="serviceData">Service data (an object, whose properties are written snake_case as HA names its fields; a dictionary or JsonElement, written as given), or null.</param>
    /// <param name="returnResponse">Ask for the service's response data (only for services that return data).</param>
    /// <param name="cancellationToken">Stops waiting; HA may still run the service.</param>
    Task<HaServiceCallResult> CallServiceAsync(
        string domain,
        string service,
        HaTarget? target,
        object? serviceData,
        bool returnResponse,
        CancellationToken cancellationToken);

    /// <summary>Sends <c>ping</c> and waits for the <c>pong</c>.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>Sends any command (the connection adds id and type) and returns its <c>result</c> value.</summary>
    Task<JsonElement> SendCommandAsync(string type, IReadOnlyDictionary<string, object?>? fields, CancellationToken cancellationToken);
}
