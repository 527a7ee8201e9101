using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ProofOfHeat.Host.Storage;

/// <summary>
/// Brings a store's schema up to date: each pending <see cref="Migration"/> runs once in its own
/// transaction together with its row in <c>schema_version</c>, so a crash mid-way leaves the
/// previous version intact. A store written by a newer poh is refused rather than guessed at.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Applies the pending migrations of <paramref name="migrations"/>; returns the resulting version.</summary>
    public static async Task<int> MigrateAsync(
        SqliteConnection connection, string path, IReadOnlyList<Migration> migrations, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(time);
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY NOT NULL,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """, cancellationToken);
        var current = await CurrentVersionAsync(connection, cancellationToken);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw new StoreException(
                $"The store {path} has schema version {current}, but this poh knows versions up to {latest}: it was written by a newer poh. "
                + "Run that newer version, or move the file away to start with an empty store.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $at)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            record.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            current = migration.Version;
        }

        return current;
    }

    /// <summary>The highest applied version, 0 for a new store.</summary>
    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
