using System.Diagnostics.CodeAnalysis;

namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// Receives what the runner learns from HA. Every method is called on the connection's reader loop, in wire order,
/// and must return quickly (hand work to a queue): HA drops clients that fall more than 1,024 messages behind.
/// Exceptions thrown here are logged and do not break the connection.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "The name is the agreed contract with the app-model bridge.")]
public interface IHomeAssistantEventHandler
{
    /// <summary>
    /// A connection is ready: authenticated, HA is RUNNING, the configured event types are subscribed, and
    /// <paramref name="states"/> is the full <c>get_states</c> snapshot taken after subscribing. Events the
    /// snapshot already contains are not delivered; every later change follows through <see cref="OnStateChanged"/>.
    /// </summary>
    void OnConnected(HaConfig config, IReadOnlyList<HaState> states);

    /// <summary>A <c>state_changed</c> event, in wire order.</summary>
    void OnStateChanged(HaStateChange change);

    /// <summary>Any other subscribed event.</summary>
    void OnEvent(HaEvent haEvent);

    /// <summary>
    /// A connection ended, or a connection attempt failed (so it is not always paired with <see cref="OnConnected"/>).
    /// The runner has already scheduled its next attempt unless the reason is Unauthorized or Cancelled.
    /// </summary>
    [SuppressMessage("Naming", "CA1716", Justification = "The name is the agreed contract with the app-model bridge.")]
    void OnDisconnected(HaDisconnectReason reason, Exception? error);
}
