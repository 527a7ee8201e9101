using System.Globalization;

namespace ProofOfHeat.Host.Storage;

/// <summary>The typed tables: app switches, heating profiles and temperature overrides.</summary>
internal sealed partial class RuntimeStore
{
    /// <summary>Every stored app switch (app id → enabled).</summary>
    public Task<IReadOnlyDictionary<string, bool>> LoadAppSwitchesAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyDictionary<string, bool>>(async connection =>
        {
            await using var command = Command(connection, "SELECT app_id, enabled FROM app_switches");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var switches = new Dictionary<string, bool>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                switches[reader.GetString(0)] = reader.GetInt64(1) != 0;
            }

            return switches;
        }, cancellationToken);

    /// <summary>Stores one app's switch durably before returning.</summary>
    public Task SaveAppSwitchAsync(string appId, bool enabled, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, """
                INSERT INTO app_switches (app_id, enabled, updated_at) VALUES ($id, $enabled, $at)
                ON CONFLICT (app_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at
                """, ("$id", appId), ("$enabled", enabled ? 1 : 0), ("$at", Now()));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Reads a profile, or default when absent.</summary>
    public Task<T?> GetProfileAsync<T>(string name, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, "SELECT json FROM profiles WHERE name = $name", ("$name", name));
            return Deserialize<T>((string?)await command.ExecuteScalarAsync(cancellationToken));
        }, cancellationToken);

    /// <summary>Stores a profile durably before returning.</summary>
    public Task SetProfileAsync<T>(string name, T profile, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, """
                INSERT INTO profiles (name, json, updated_at) VALUES ($name, $json, $at)
                ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
                """, ("$name", name), ("$json", Serialize(profile)), ("$at", Now()));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>The names of the stored profiles, sorted.</summary>
    public Task<IReadOnlyList<string>> ListProfilesAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = Command(connection, "SELECT name FROM profiles ORDER BY name");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var names = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }, cancellationToken);

    /// <summary>The overrides that have not expired at the current time.</summary>
    public Task<IReadOnlyList<TemperatureOverride>> GetActiveOverridesAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<TemperatureOverride>>(async connection =>
        {
            var now = _time.GetUtcNow();
            await using var command = Command(connection, "SELECT zone, target, expires_at FROM overrides ORDER BY zone");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var overrides = new List<TemperatureOverride>();
            while (await reader.ReadAsync(cancellationToken))
            {
                DateTimeOffset? expires = reader.IsDBNull(2)
                    ? null
                    : DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                if (expires is null || expires > now)
                {
                    overrides.Add(new TemperatureOverride(reader.GetString(0), reader.GetDouble(1), expires));
                }
            }

            return overrides;
        }, cancellationToken);

    /// <summary>Stores (or replaces) a zone's override durably before returning.</summary>
    public Task SetOverrideAsync(TemperatureOverride value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        return RunAsync(async connection =>
        {
            await using var command = Command(connection, """
                INSERT INTO overrides (zone, target, expires_at, updated_at) VALUES ($zone, $target, $expires, $at)
                ON CONFLICT (zone) DO UPDATE SET target = excluded.target, expires_at = excluded.expires_at, updated_at = excluded.updated_at
                """, ("$zone", value.Zone), ("$target", value.Target),
                ("$expires", value.ExpiresAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), ("$at", Now()));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Removes a zone's override; true when there was one.</summary>
    public Task<bool> RemoveOverrideAsync(string zone, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var command = Command(connection, "DELETE FROM overrides WHERE zone = $zone", ("$zone", zone));
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);
}
