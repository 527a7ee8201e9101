using ProofOfHeat.AppModel.Audit;

namespace ProofOfHeat.TestKit.AppModel;

/// <summary>A recording audit trail, for apps under test.</summary>
public sealed class RecordingAudit : IAuditTrail
{
    private readonly Lock _gate = new();
    private readonly List<AuditEntry> _entries = [];

    public IReadOnlyList<AuditEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public void Record(AuditEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
