using System.Text.Json;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.AppModel.Backend;

/// <summary>
/// Where states come from and service calls go: Home Assistant over its WebSocket API, the
/// simulated home in the demo, or (later) MQTT devices. A backend pushes into an
/// <see cref="IHomeStateSink"/> given by the runtime; it never calls app code directly.
/// </summary>
public interface IHomeBackend
{
    /// <summary>A short name for logs and the status document (<c>home-assistant</c>, <c>sim</c>).</summary>
    string Name { get; }

    /// <summary>Runs the backend until cancelled: connects, reconnects, and reports into <paramref name="sink"/>.</summary>
    Task RunAsync(IHomeStateSink sink, CancellationToken cancellationToken);

    /// <summary>Performs a service call and returns its response data (or <see langword="null"/>).</summary>
    /// <exception cref="ServiceCallException">The backend rejected the call.</exception>
    Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken);
}
