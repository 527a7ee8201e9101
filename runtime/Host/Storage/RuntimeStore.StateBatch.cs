namespace ProofOfHeat.Host.Storage;

/// <summary>Several writes of the generic namespaced state in one transaction (one fsync), for write-behind callers.</summary>
internal sealed partial class RuntimeStore
{
    /// <summary>
    /// In <paramref name="ns"/>, stores each change's JSON (already valid JSON) under its key, or deletes the key when the
    /// JSON is null; all or nothing, durable before returning.
    /// </summary>
    public Task ApplyStateJsonAsync(string ns, IReadOnlyCollection<(string Key, string? Json)> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return RunAsync(database =>
        {
            var at = Now();
            database.Execute("BEGIN IMMEDIATE");
            try
            {
                foreach (var (key, json) in changes)
                {
                    if (json is null)
                    {
                        database.Run("DELETE FROM runtime_state WHERE namespace = $ns AND key = $key", ("$ns", ns), ("$key", key));
                    }
                    else
                    {
                        database.Run("""
                            INSERT INTO runtime_state (namespace, key, json, updated_at) VALUES ($ns, $key, $json, $at)
                            ON CONFLICT (namespace, key) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
                            """, ("$ns", ns), ("$key", key), ("$json", json), ("$at", at));
                    }
                }

                database.Execute("COMMIT");
            }
            catch
            {
                database.Execute("ROLLBACK");
                throw;
            }

            return changes.Count;
        }, cancellationToken);
    }
}
