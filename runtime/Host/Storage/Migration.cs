namespace ProofOfHeat.Host.Storage;

/// <summary>One step of the store's schema, applied once, in a transaction, in version order.</summary>
/// <param name="Version">The schema version after this step (1, 2, 3 …; never reused or edited once shipped).</param>
/// <param name="Name">What it does, for the <c>schema_version</c> table and errors.</param>
/// <param name="Sql">The statements.</param>
internal sealed record Migration(int Version, string Name, string Sql);
