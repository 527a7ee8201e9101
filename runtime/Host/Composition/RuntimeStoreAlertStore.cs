using System.Text.Json;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Host.Storage;
using ProofOfHeat.Notify.Alerts;

namespace ProofOfHeat.Host.Composition;

/// <summary>Open alerts in the run-time store (namespace <c>alerts</c>, one JSON document per key), so they survive a restart.</summary>
internal sealed class RuntimeStoreAlertStore(RuntimeStore store) : IAlertStore
{
    private const string Namespace = "alerts";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Alert>> LoadOpenAsync(CancellationToken cancellationToken)
    {
        var alerts = new List<Alert>();
        foreach (var key in await store.ListStateKeysAsync(Namespace, cancellationToken).ConfigureAwait(false))
        {
            if (await store.GetStateJsonAsync(Namespace, key, cancellationToken).ConfigureAwait(false) is { } json
                && JsonSerializer.Deserialize<Alert>(json, Json) is { } alert)
            {
                alerts.Add(alert with { Request = alert.Request with { Values = Plain(alert.Request.Values) } });
            }
        }

        return alerts;
    }

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyCollection<AlertStoreChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // One transaction for the whole batch: the write-behind flush costs one fsync however many keys changed.
        return store.ApplyStateJsonAsync(
            Namespace,
            [.. changes.Select(c => (c.Key, c.Alert is { } alert ? JsonSerializer.Serialize(alert, Json) : null))],
            cancellationToken);
    }

    // Values come back as JsonElement; templates want the plain values they were raised with.
    private static Dictionary<string, object?>? Plain(IReadOnlyDictionary<string, object?>? values) =>
        values?.ToDictionary(v => v.Key, v => v.Value is JsonElement e ? e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.TryGetInt64(out var whole) ? whole : e.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => (object?)e.GetRawText(),
        } : v.Value, StringComparer.Ordinal);
}
