using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.AppModel.Backend;

/// <summary>
/// What a backend reports into. Every method must return quickly and never wait on app code:
/// it is called from the backend's socket reader.
/// </summary>
public interface IHomeStateSink
{
    /// <summary>
    /// The backend (re)connected and fetched a full snapshot. The runtime resyncs its cache from it
    /// (newest <c>last_updated</c> wins, so events that raced the snapshot are kept) and starts apps.
    /// </summary>
    void Connected(IReadOnlyCollection<EntityState> snapshot);

    /// <summary>One state change, in the order the backend received it.</summary>
    void StateChanged(StateChange change);

    /// <summary>Any other event the backend subscribed to (type and raw JSON data).</summary>
    void EventReceived(HomeEvent homeEvent);

    /// <summary>The connection was lost; <paramref name="reason"/> is for logs and the status document.</summary>
    void Disconnected(string reason);
}
