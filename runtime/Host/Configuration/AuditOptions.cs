namespace ProofOfHeat.Host.Configuration;

/// <summary>The audit trail (<c>audit:</c>): how long and how much of it is kept in <c>&lt;data dir&gt;/audit.db</c>.</summary>
internal sealed class AuditOptions
{
    /// <summary>Entries older than this many days are deleted.</summary>
    /// <value>Default: 90 (a heating season's questions are usually about the last weeks).</value>
    public int RetentionDays { get; set; } = 90;

    /// <summary>At most this many entries are kept; the oldest go first.</summary>
    /// <value>Default: 200,000 (about 60 MB; a busy home records a few thousand a day).</value>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Throws when the limits cannot work.</summary>
    public void Validate()
    {
        if (RetentionDays < 1)
        {
            throw new ArgumentException("audit: retention_days must be at least 1.");
        }

        if (MaxRows < 100)
        {
            throw new ArgumentException("audit: max_rows must be at least 100.");
        }
    }
}
