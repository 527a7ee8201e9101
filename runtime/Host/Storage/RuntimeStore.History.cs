using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Host.Storage.Sqlite;

namespace ProofOfHeat.Host.Storage;

/// <summary>
/// The <c>heating_history</c> table (migration 2). Its rows are clustered by (zone, at) (<c>WITHOUT ROWID</c>), so a zone's range is one index seek
/// and a contiguous read. SQLite stores NaN as NULL, so the readings are nullable: room NULL reads
/// back as no reading, the others as NaN.
/// </summary>
internal sealed partial class RuntimeStore
{
    /// <summary>The table's schema, applied by migration 2.</summary>
    internal const string HeatingHistorySchema = """
        CREATE TABLE heating_history (
            zone         TEXT NOT NULL,
            at           INTEGER NOT NULL,
            room         REAL NULL,
            outdoor      REAL NULL,
            solar        REAL NULL,
            heat_to_air  REAL NULL,
            heat_to_mass REAL NULL,
            hydronic_heat REAL NULL,
            flow         REAL NULL,
            PRIMARY KEY (zone, at)
        ) WITHOUT ROWID;
        """;

    /// <summary>A zone's samples at most <c>$span</c> seconds back from its newest, oldest first.</summary>
    internal const string HeatingHistoryLoadSql = """
        SELECT at, room, outdoor, solar, heat_to_air, heat_to_mass, hydronic_heat, flow FROM heating_history
        WHERE zone = $zone AND at >= (SELECT MAX(at) FROM heating_history WHERE zone = $zone) - $span
        ORDER BY at
        """;

    /// <summary>The zone's samples at most <paramref name="spanSeconds"/> back from its newest, oldest first.</summary>
    public IReadOnlyList<HeatingHistorySample> LoadHeatingHistory(string zone, long spanSeconds) =>
        RunHeatingHistory<IReadOnlyList<HeatingHistorySample>>(database =>
        {
            using var statement = database.Prepare(HeatingHistoryLoadSql).Bind("$zone", zone).Bind("$span", spanSeconds);
            var samples = new List<HeatingHistorySample>();
            while (statement.Step())
            {
                samples.Add(new HeatingHistorySample(
                    DateTimeOffset.FromUnixTimeSeconds(statement.GetInt64(0)),
                    statement.IsNull(1) ? null : statement.GetDouble(1),
                    Reading(statement, 2),
                    Reading(statement, 3),
                    Reading(statement, 4),
                    Reading(statement, 5),
                    statement.IsNull(6) ? null : statement.GetDouble(6),
                    statement.IsNull(7) ? null : statement.GetDouble(7)));
            }

            return samples;
        });

    /// <summary>
    /// Stores (or replaces) the zone's sample for the minute starting at <paramref name="at"/> (unix
    /// seconds) durably before returning; with <paramref name="pruneBefore"/>, also deletes the zone's
    /// rows before it, in the same transaction.
    /// </summary>
    public void AppendHeatingHistory(string zone, long at, HeatingHistorySample sample, long? pruneBefore) =>
        _ = RunHeatingHistory(database =>
        {
            if (pruneBefore is null)
            {
                return InsertHeatingHistory(database, zone, at, sample);
            }

            database.Execute("BEGIN IMMEDIATE");
            try
            {
                InsertHeatingHistory(database, zone, at, sample);
                database.Run("DELETE FROM heating_history WHERE zone = $zone AND at < $before", ("$zone", zone), ("$before", pruneBefore.Value));
                database.Execute("COMMIT");
            }
            catch (SqliteError)
            {
                RollBack(database);
                throw;
            }

            return 1;
        });

    private static int InsertHeatingHistory(SqliteDatabase database, string zone, long at, HeatingHistorySample sample) =>
        database.Run("""
            INSERT INTO heating_history (zone, at, room, outdoor, solar, heat_to_air, heat_to_mass, hydronic_heat, flow)
            VALUES ($zone, $at, $room, $outdoor, $solar, $air, $mass, $hydronic, $flow)
            ON CONFLICT (zone, at) DO UPDATE SET room = excluded.room, outdoor = excluded.outdoor, solar = excluded.solar,
                heat_to_air = excluded.heat_to_air, heat_to_mass = excluded.heat_to_mass, hydronic_heat = excluded.hydronic_heat, flow = excluded.flow
            """, ("$zone", zone), ("$at", at), ("$room", sample.RoomTemperature), ("$outdoor", sample.OutdoorTemperature),
            ("$solar", sample.SolarIrradiance), ("$air", sample.HeatToAirWatts), ("$mass", sample.HeatToMassWatts),
            ("$hydronic", sample.HydronicHeatWatts), ("$flow", sample.FlowTemperature));

    private static double Reading(SqliteStatement statement, int index) => statement.IsNull(index) ? double.NaN : statement.GetDouble(index);

    private static void RollBack(SqliteDatabase database)
    {
        try
        {
            database.Execute("ROLLBACK");
        }
        catch (SqliteError)
        {
            // SQLite already rolled back (a full disk or I/O error ends the transaction); the first error is the one to report.
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the connection like <see cref="RunAsync{T}"/>, but on the
    /// caller's thread and without awaiting: the optimiser's history interface is synchronous, and the
    /// gate is only ever held for short synchronous calls.
    /// </summary>
    private T RunHeatingHistory<T>(Func<SqliteDatabase, T> action)
    {
        _gate.Wait();
        try
        {
            return action(_database);
        }
        catch (SqliteError ex)
        {
            throw Translate(ex, Path);
        }
        finally
        {
            _gate.Release();
        }
    }
}
