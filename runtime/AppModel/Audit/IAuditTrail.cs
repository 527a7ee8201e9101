namespace ProofOfHeat.AppModel.Audit;

/// <summary>
/// The audit trail every command, alert, acknowledgement and arm/disarm is written to. Recording never blocks and
/// never throws: the implementation queues the entry (bounded) and writes it durably in the background, so a safety
/// action is never delayed by the disk.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Queues <paramref name="entry"/> for the trail.</summary>
    void Record(AuditEntry entry);

    /// <summary>A new correlation id (short, unique enough for a home: 12 hex digits).</summary>
    static string NewCorrelationId() => Guid.NewGuid().ToString("N")[..12];
}
