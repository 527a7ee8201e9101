using System.Text.Json;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Host.Telemetry;

/// <summary>
/// Records what the home reports, without touching any app: it stands between the backend (Home Assistant, or the
/// demo's simulated home) and the runtime, and records each state change on its way (<see cref="StateChangePoints"/>).
/// The brain's own MQTT entities come back through Home Assistant as state changes, so they are recorded too.
/// Recording never blocks the backend's reader (the recorder only queues). The recorder is resolved when the backend
/// starts, so that building the backend opens no outbox.
/// </summary>
internal sealed class RecordingHomeBackend(IHomeBackend inner, Func<ITelemetryRecorder> recorder) : IHomeBackend
{
    /// <summary>The backend it records from.</summary>
    public IHomeBackend Inner => inner;

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public Task RunAsync(IHomeStateSink sink, CancellationToken cancellationToken) =>
        inner.RunAsync(new RecordingSink(sink, recorder()), cancellationToken);

    /// <inheritdoc />
    public Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken) =>
        inner.CallServiceAsync(serviceCall, cancellationToken);

    private sealed class RecordingSink(IHomeStateSink inner, ITelemetryRecorder recorder) : IHomeStateSink
    {
        public void Connected(IReadOnlyCollection<EntityState> snapshot)
        {
            inner.Connected(snapshot);
            foreach (var state in snapshot)
            {
                Record(state, valueChanged: true);
            }
        }

        public void StateChanged(StateChange change)
        {
            inner.StateChanged(change);
            if (change.New is { } state)
            {
                Record(state, change.IsValueChange);
            }
        }

        public void EventReceived(HomeEvent homeEvent) => inner.EventReceived(homeEvent);

        public void Disconnected(string reason) => inner.Disconnected(reason);

        private void Record(EntityState state, bool valueChanged)
        {
            if (StateChangePoints.From(state, valueChanged) is { } point)
            {
                recorder.Record(point);
            }
        }
    }
}
