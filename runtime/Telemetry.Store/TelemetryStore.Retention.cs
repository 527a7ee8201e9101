namespace ProofOfHeat.Telemetry.Store;

/// <summary>Retention: each tier keeps its own span (<see cref="TelemetryStoreOptions"/>).</summary>
public sealed partial class TelemetryStore
{
    /// <summary>Deletes what is past each tier's retention; returns the rows deleted.</summary>
    public long Prune()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            long[] cutoffs =
            [
                (now - Options.RawRetention).ToUnixTimeSeconds(),
                (now - Options.RawRetention).ToUnixTimeSeconds(),
                (now - Options.MinuteRetention).ToUnixTimeSeconds(),
                (now - Options.FifteenMinuteRetention).ToUnixTimeSeconds(),
            ];
            long deleted = 0;
            _connection.Execute("BEGIN IMMEDIATE");
            try
            {
                for (var tier = 0; tier < StoreSql.Prunes.Length; tier++)
                {
                    using var statement = _connection.Prepare(StoreSql.Prunes[tier]);
                    foreach (var id in _seriesKeys.Keys)
                    {
                        statement.Bind(1, id).Bind(2, cutoffs[tier]).Run();
                        deleted += _connection.Changes;
                    }
                }

                _connection.Execute("COMMIT");
            }
            catch
            {
                _connection.Execute("ROLLBACK");
                throw;
            }

            return deleted;
        }
    }

    /// <summary>Copies the write-ahead log into the database file and truncates it (<see cref="TelemetryStoreMaintenance"/> runs it after each prune).</summary>
    public void Checkpoint()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}
