using System.Collections.Concurrent;
using ProofOfHeat.AppModel.Audit;

namespace ProofOfHeat.NodeRed.Tests.Alerts;

/// <summary>An audit trail that keeps every entry for the test to read.</summary>
internal sealed class RecordingAuditTrail : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public IReadOnlyList<AuditEntry> Entries => [.. _entries];

    public void Record(AuditEntry entry) => _entries.Enqueue(entry);
}
