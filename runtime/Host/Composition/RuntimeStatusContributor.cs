using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Host.Api;

namespace ProofOfHeat.Host.Composition;

/// <summary>The <c>home</c> section of <c>/api/status</c>: the backend's connection, the cache and every app.</summary>
internal sealed class RuntimeStatusContributor(HomeRuntime runtime) : IStatusContributor
{
    /// <inheritdoc />
    public string Name => "home";

    /// <inheritdoc />
    public object GetStatus() => new
    {
        backend = runtime.BackendName,
        connected = runtime.IsConnected,
        connectedSince = runtime.ConnectedSince,
        lastDisconnectReason = runtime.LastDisconnectReason,
        entities = runtime.EntityCount,
        eventsReceived = runtime.EventsReceived,
        apps = runtime.Apps.Select(app => new
        {
            id = app.Id,
            enabled = app.Enabled,
            state = app.State.ToString().ToLowerInvariant(),
            lastError = app.LastError,
            droppedEvents = app.DroppedEvents,
        }),
    };
}
