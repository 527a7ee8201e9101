using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Host.Telemetry;

/// <summary>
/// The audit trail with telemetry beside it: each entry goes to the trail it wraps, and a device command or an alert's
/// change is also recorded (<see cref="AuditPoints"/>). Both only queue, so neither delays the app that acted. The
/// recorder is resolved at the first entry, so that building the trail opens no outbox.
/// </summary>
internal sealed class RecordingAuditTrail(IAuditTrail inner, Func<ITelemetryRecorder> recorder) : IAuditTrail
{
    private readonly Lazy<ITelemetryRecorder> _recorder = new(recorder);

    /// <summary>The trail it records from.</summary>
    public IAuditTrail Inner => inner;

    /// <inheritdoc />
    public void Record(AuditEntry entry)
    {
        inner.Record(entry);
        if (AuditPoints.From(entry) is { } point)
        {
            _recorder.Value.Record(point);
        }
    }
}
