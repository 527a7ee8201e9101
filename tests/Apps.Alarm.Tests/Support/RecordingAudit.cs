using ProofOfHeat.AppModel.Audit;

namespace ProofOfHeat.Apps.Alarm.Tests.Support;

/// <summary>An audit trail that keeps every entry for the test.</summary>
internal sealed class RecordingAudit : IAuditTrail
{
    public Recorded<AuditEntry> Entries { get; } = new();

    public void Record(AuditEntry entry) => Entries.Add(entry);
}
