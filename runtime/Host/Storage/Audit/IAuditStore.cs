using ProofOfHeat.AppModel.Audit;

namespace ProofOfHeat.Host.Storage.Audit;

/// <summary>Where the audit trail's entries are kept: written in batches by one writer, read by the API.</summary>
internal interface IAuditStore
{
    /// <summary>Appends <paramref name="entries"/> durably, in one transaction.</summary>
    void Append(IReadOnlyList<AuditEntry> entries);

    /// <summary>The entries at or after <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<AuditEntry> Read(DateTimeOffset since, int limit);

    /// <summary>Deletes entries before <paramref name="before"/> and all but the newest <paramref name="keepRows"/>; returns how many went.</summary>
    int Prune(DateTimeOffset before, int keepRows);
}
