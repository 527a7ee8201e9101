using System.Globalization;

namespace ProofOfHeat.Host.Storage;

/// <summary>The typed tables: app switches, heating profiles and temperature overrides.</summary>
internal sealed partial class RuntimeStore
{
    /// <summary>Every stored app switch (app id → enabled).</summary>
    public Task<IReadOnlyDictionary<string, bool>> LoadAppSwitchesAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyDictionary<string, bool>>(database =>
        {
            using var statement = database.Prepare("SELECT app_id, enabled FROM app_switches");
            var switches = new Dictionary<string, bool>(StringComparer.Ordinal);
            while (statement.Step())
            {
                switches[statement.GetText(0)!] = statement.GetInt64(1) != 0;
            }

            return switches;
        }, cancellationToken);

    /// <summary>Stores one app's switch durably before returning.</summary>
    public Task SaveAppSwitchAsync(string appId, bool enabled, CancellationToken cancellationToken) =>
        RunAsync(database => database.Run("""
            INSERT INTO app_switches (app_id, enabled, updated_at) VALUES ($id, $enabled, $at)
            ON CONFLICT (app_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at
            """, ("$id", appId), ("$enabled", enabled), ("$at", Now())), cancellationToken);

    /// <summary>Reads a profile, or default when absent.</summary>
    public Task<T?> GetProfileAsync<T>(string name, CancellationToken cancellationToken) =>
        RunAsync(database => Deserialize<T>((string?)database.Scalar("SELECT json FROM profiles WHERE name = $name", ("$name", name))),
            cancellationToken);

    /// <summary>Stores a profile durably before returning.</summary>
    public Task SetProfileAsync<T>(string name, T profile, CancellationToken cancellationToken) =>
        RunAsync(database => database.Run("""
            INSERT INTO profiles (name, json, updated_at) VALUES ($name, $json, $at)
            ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
            """, ("$name", name), ("$json", Serialize(profile)), ("$at", Now())), cancellationToken);

    /// <summary>The names of the stored profiles, sorted.</summary>
    public Task<IReadOnlyList<string>> ListProfilesAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<string>>(database =>
        {
            using var statement = database.Prepare("SELECT name FROM profiles ORDER BY name");
            var names = new List<string>();
            while (statement.Step())
            {
                names.Add(statement.GetText(0)!);
            }

            return names;
        }, cancellationToken);

    /// <summary>The overrides that have not expired at the current time.</summary>
    public Task<IReadOnlyList<TemperatureOverride>> GetActiveOverridesAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<TemperatureOverride>>(database =>
        {
            var now = _time.GetUtcNow();
            using var statement = database.Prepare("SELECT zone, target, expires_at FROM overrides ORDER BY zone");
            var overrides = new List<TemperatureOverride>();
            while (statement.Step())
            {
                DateTimeOffset? expires = statement.GetText(2) is { } text
                    ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                    : null;
                if (expires is null || expires > now)
                {
                    overrides.Add(new TemperatureOverride(statement.GetText(0)!, statement.GetDouble(1), expires));
                }
            }

            return overrides;
        }, cancellationToken);

    /// <summary>Stores (or replaces) a zone's override durably before returning.</summary>
    public Task SetOverrideAsync(TemperatureOverride value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        return RunAsync(database => database.Run("""
            INSERT INTO overrides (zone, target, expires_at, updated_at) VALUES ($zone, $target, $expires, $at)
            ON CONFLICT (zone) DO UPDATE SET target = excluded.target, expires_at = excluded.expires_at, updated_at = excluded.updated_at
            """, ("$zone", value.Zone), ("$target", value.Target),
            ("$expires", value.ExpiresAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), ("$at", Now())), cancellationToken);
    }

    /// <summary>Removes a zone's override; true when there was one.</summary>
    public Task<bool> RemoveOverrideAsync(string zone, CancellationToken cancellationToken) =>
        RunAsync(database => database.Run("DELETE FROM overrides WHERE zone = $zone", ("$zone", zone)) > 0, cancellationToken);
}
