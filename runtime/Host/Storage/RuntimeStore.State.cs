namespace ProofOfHeat.Host.Storage;

/// <summary>The generic namespaced key-value state (<c>runtime_state</c>), stored as JSON text.</summary>
internal sealed partial class RuntimeStore
{
    /// <summary>Reads the JSON stored under <paramref name="ns"/>/<paramref name="key"/>, or null.</summary>
    public Task<string?> GetStateJsonAsync(string ns, string key, CancellationToken cancellationToken) =>
        RunAsync(database => (string?)database.Scalar(
            "SELECT json FROM runtime_state WHERE namespace = $ns AND key = $key", ("$ns", ns), ("$key", key)), cancellationToken);

    /// <summary>Stores <paramref name="json"/> (already valid JSON) durably before returning.</summary>
    public Task SetStateJsonAsync(string ns, string key, string json, CancellationToken cancellationToken) =>
        RunAsync(database => database.Run("""
            INSERT INTO runtime_state (namespace, key, json, updated_at) VALUES ($ns, $key, $json, $at)
            ON CONFLICT (namespace, key) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
            """, ("$ns", ns), ("$key", key), ("$json", json), ("$at", Now())), cancellationToken);

    /// <summary>Deletes a value; true when there was one.</summary>
    public Task<bool> DeleteStateAsync(string ns, string key, CancellationToken cancellationToken) =>
        RunAsync(database => database.Run(
            "DELETE FROM runtime_state WHERE namespace = $ns AND key = $key", ("$ns", ns), ("$key", key)) > 0, cancellationToken);

    /// <summary>The keys stored in <paramref name="ns"/>, sorted.</summary>
    public Task<IReadOnlyList<string>> ListStateKeysAsync(string ns, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<string>>(database =>
        {
            using var statement = database.Prepare("SELECT key FROM runtime_state WHERE namespace = $ns ORDER BY key").Bind("$ns", ns);
            var keys = new List<string>();
            while (statement.Step())
            {
                keys.Add(statement.GetText(0)!);
            }

            return keys;
        }, cancellationToken);

    /// <summary>Reads a typed value (System.Text.Json, web defaults), or default when absent.</summary>
    public async Task<T?> GetStateAsync<T>(string ns, string key, CancellationToken cancellationToken) =>
        Deserialize<T>(await GetStateJsonAsync(ns, key, cancellationToken));

    /// <summary>Stores a typed value durably before returning.</summary>
    public Task SetStateAsync<T>(string ns, string key, T value, CancellationToken cancellationToken) =>
        SetStateJsonAsync(ns, key, Serialize(value), cancellationToken);
}
