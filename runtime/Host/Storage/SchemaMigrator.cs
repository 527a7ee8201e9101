using System.Globalization;
using ProofOfHeat.Host.Storage.Sqlite;

namespace ProofOfHeat.Host.Storage;

/// <summary>
/// Brings a store's schema up to date: each pending <see cref="Migration"/> runs once in its own
/// transaction together with its row in <c>schema_version</c>, so a crash mid-way leaves the
/// previous version intact. A store written by a newer poh is refused rather than guessed at.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Applies the pending migrations of <paramref name="migrations"/>; returns the resulting version.</summary>
    public static int Migrate(SqliteDatabase database, string path, IReadOnlyList<Migration> migrations, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(time);
        database.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY NOT NULL,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """);
        var current = CurrentVersion(database);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw new StoreException(
                $"The store {path} has schema version {current}, but this poh knows versions up to {latest}: it was written by a newer poh. "
                + "Run that newer version, or move the file away to start with an empty store.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            database.Execute("BEGIN IMMEDIATE");
            try
            {
                database.Execute(migration.Sql);
                database.Run("INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $at)",
                    ("$version", migration.Version), ("$name", migration.Name),
                    ("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
                database.Execute("COMMIT");
            }
            catch
            {
                database.Execute("ROLLBACK");
                throw;
            }

            current = migration.Version;
        }

        return current;
    }

    /// <summary>The highest applied version, 0 for a new store.</summary>
    public static int CurrentVersion(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Convert.ToInt32(database.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);
    }
}
