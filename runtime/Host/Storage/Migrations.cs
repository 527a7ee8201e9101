namespace ProofOfHeat.Host.Storage;

/// <summary>
/// The store's schema history. Append new steps at the end; never change a shipped one, because
/// databases in the field have already applied it.
/// </summary>
internal static class Migrations
{
    /// <summary>Every migration, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "run-time state: app switches, profiles, overrides, generic state", """
            CREATE TABLE app_switches (
                app_id     TEXT PRIMARY KEY NOT NULL,
                enabled    INTEGER NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE profiles (
                name       TEXT PRIMARY KEY NOT NULL,
                json       TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE overrides (
                zone       TEXT PRIMARY KEY NOT NULL,
                target     REAL NOT NULL,
                expires_at TEXT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE runtime_state (
                namespace  TEXT NOT NULL,
                key        TEXT NOT NULL,
                json       TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (namespace, key)
            );
            """),
        new(2, "heating history for the optimiser", RuntimeStore.HeatingHistorySchema),
    ];

    /// <summary>The newest version this code knows.</summary>
    public static int Latest => All[^1].Version;
}
