using System.Collections.Concurrent;
using ProofOfHeat.AppModel.Audit;

namespace ProofOfHeat.Notify.Tests.Support;

/// <summary>An audit trail that keeps entries for assertions.</summary>
internal sealed class RecordingAuditTrail : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public IReadOnlyList<AuditEntry> Entries => [.. _entries];

    public void Record(AuditEntry entry) => _entries.Enqueue(entry);
}
