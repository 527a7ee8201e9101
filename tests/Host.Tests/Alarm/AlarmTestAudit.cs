using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Host.Tests.HomeAssistant;

namespace ProofOfHeat.Host.Tests.Alarm;

/// <summary>An audit trail the test can await entries on.</summary>
internal sealed class AlarmTestAudit : IAuditTrail
{
    public AwaitableList<AuditEntry> Entries { get; } = new();

    public void Record(AuditEntry entry) => Entries.Add(entry);
}
