using System.Text.Json;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Notify.HomeAssistant;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// The home backend with one addition: every event it reports is also offered to the alert service's action pump
/// (which keeps only <c>mobile_app_notification_action</c> and returns at once), so a tap on a phone acknowledges.
/// </summary>
/// <param name="inner">The backend wrapped.</param>
/// <param name="actions">The pump, resolved when the backend starts (so building the backend needs no alert store yet).</param>
internal sealed class AlertEventsBackend(IHomeBackend inner, Func<MobileAppActionPump> actions) : IHomeBackend
{
    /// <summary>The wrapped backend.</summary>
    public IHomeBackend Inner => inner;

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public Task RunAsync(IHomeStateSink sink, CancellationToken cancellationToken) =>
        inner.RunAsync(new Sink(sink, actions()), cancellationToken);

    /// <inheritdoc />
    public Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken) =>
        inner.CallServiceAsync(serviceCall, cancellationToken);

    private sealed class Sink(IHomeStateSink inner, MobileAppActionPump actions) : IHomeStateSink
    {
        public void Connected(IReadOnlyCollection<EntityState> snapshot) => inner.Connected(snapshot);

        public void StateChanged(StateChange change) => inner.StateChanged(change);

        public void EventReceived(HomeEvent homeEvent)
        {
            actions.Post(homeEvent);
            inner.EventReceived(homeEvent);
        }

        public void Disconnected(string reason) => inner.Disconnected(reason);
    }
}
