using ProofOfHeat.AppModel.Audit;

namespace ProofOfHeat.Apps.Safety.Tests.Support;

/// <summary>A recording audit trail.</summary>
internal sealed class RecordingAudit : IAuditTrail
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
