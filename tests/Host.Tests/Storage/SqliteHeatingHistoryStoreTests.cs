using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Host.Storage;
using ProofOfHeat.Host.Storage.Sqlite;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Storage;

public sealed class SqliteHeatingHistoryStoreTests : IDisposable
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private string DbPath => _dir.Combine("data/poh.db");

    [Fact]
    public async Task Append_ThenLoad_ReturnsEverySampleOldestFirst()
    {
        await using var store = await OpenAsync();
        var history = new SqliteHeatingHistoryStore(store);
        HeatingHistorySample[] samples =
        [
            new(Start, 20.5, -3.25, 0, 1500, 0),
            new(Start.AddMinutes(1), null, -3.5, 12.5, 0, 750.125),
            new(Start.AddMinutes(2), 20.75, -4, 100, 1234.5, 4321),
            new(Start.AddMinutes(3), 20.8, -4, 100, 0, 0, HydronicHeatWatts: 5200, FlowTemperature: 41.5),
        ];

        foreach (var sample in samples)
        {
            history.Append("living", sample);
        }

        Assert.Equal(samples, history.Load("living", Week));
        Assert.Equal(TimeSpan.Zero, history.Load("living", Week)[0].At.Offset);
    }

    [Fact]
    public async Task Append_NaNReading_LoadsAsNaNOrNoRoomReading()
    {
        // SQLite stores NaN as NULL: a NaN from a sensor must not fail the append.
        await using var store = await OpenAsync();
        var history = new SqliteHeatingHistoryStore(store);

        history.Append("living", new HeatingHistorySample(Start, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));

        var loaded = Assert.Single(history.Load("living", Week));
        Assert.Null(loaded.RoomTemperature);
        Assert.True(double.IsNaN(loaded.OutdoorTemperature));
        Assert.True(double.IsNaN(loaded.SolarIrradiance));
        Assert.True(double.IsNaN(loaded.HeatToAirWatts));
        Assert.True(double.IsNaN(loaded.HeatToMassWatts));
    }

    [Fact]
    public async Task Load_KeepsZonesApart()
    {
        await using var store = await OpenAsync();
        var history = new SqliteHeatingHistoryStore(store);
        history.Append("living", Sample(Start, 21));
        history.Append("bedroom", Sample(Start, 18));
        history.Append("living", Sample(Start.AddMinutes(1), 21.5));

        Assert.Equal([Sample(Start, 21), Sample(Start.AddMinutes(1), 21.5)], history.Load("living", Week));
        Assert.Equal([Sample(Start, 18)], history.Load("bedroom", Week));
        Assert.Empty(history.Load("attic", Week));
    }

    [Fact]
    public async Task Load_ReturnsAtMostTheSpanBackFromTheZonesNewest()
    {
        await using var store = await OpenAsync();
        var history = new SqliteHeatingHistoryStore(store);
        for (var minute = 0; minute <= 120; minute++)
        {
            history.Append("living", Sample(Start.AddMinutes(minute), 20 + (minute / 100.0)));
        }

        // The other zone's newer samples do not move this zone's window.
        history.Append("bedroom", Sample(Start.AddDays(1), 18));

        var lastHour = history.Load("living", TimeSpan.FromHours(1));
        Assert.Equal(61, lastHour.Count);
        Assert.Equal(Start.AddMinutes(60), lastHour[0].At);
        Assert.Equal(Start.AddMinutes(120), lastHour[^1].At);
        Assert.Equal(Sample(Start.AddMinutes(120), 21.2), Assert.Single(history.Load("living", TimeSpan.Zero)));
        Assert.Equal(121, history.Load("living", Week).Count);
    }

    [Fact]
    public async Task Append_SameMinuteTwice_KeepsOneRowWithTheNewerValues()
    {
        await using (var store = await OpenAsync())
        {
            var history = new SqliteHeatingHistoryStore(store);
            history.Append("living", Sample(Start.AddMinutes(-1), 19));
            history.Append("living", Sample(Start, 20));
            history.Append("living", Sample(Start, 20.5));

            // The recorder's timer may slip: a later sample within the same minute replaces it too.
            history.Append("living", new HeatingHistorySample(Start.AddSeconds(42.7), 21, 5, 7, 800, 80));

            Assert.Equal(
                [Sample(Start.AddMinutes(-1), 19), new HeatingHistorySample(Start, 21, 5, 7, 800, 80)],
                history.Load("living", Week));
        }

        Assert.Equal(2L, Scalar("SELECT COUNT(*) FROM heating_history"));
    }

    [Fact]
    public async Task Load_NewStoreOnTheSameFile_SeesTheSamples()
    {
        // The restart case: a new process opens the same data directory.
        var samples = Enumerable.Range(0, 5).Select(m => Sample(Start.AddMinutes(m), 20 + m)).ToList();
        await using (var store = await OpenAsync())
        {
            var history = new SqliteHeatingHistoryStore(store);
            samples.ForEach(s => history.Append("living", s));
        }

        await using var reopened = await OpenAsync();
        var restarted = new SqliteHeatingHistoryStore(reopened);
        Assert.Equal(samples, restarted.Load("living", Week));

        restarted.Append("living", Sample(Start.AddMinutes(5), 25));
        Assert.Equal(6, restarted.Load("living", Week).Count);
    }

    [Fact]
    public async Task Append_ThenCrash_TheSampleIsAlreadyOnDisk()
    {
        // A copy of the files while the store is still open is what a power cut leaves behind.
        var crashed = _dir.Combine("crashed/poh.db");
        Directory.CreateDirectory(Path.GetDirectoryName(crashed)!);
        await using (var store = await OpenAsync())
        {
            var history = new SqliteHeatingHistoryStore(store);
            history.Append("living", Sample(Start, 20));
            history.Append("living", Sample(Start.AddMinutes(1), 20.25));
            foreach (var suffix in new[] { string.Empty, "-wal" })
            {
                if (File.Exists(DbPath + suffix))
                {
                    File.Copy(DbPath + suffix, crashed + suffix);
                }
            }
        }

        await using var recovered = await RuntimeStore.OpenAsync(crashed, _time, CancellationToken.None);
        Assert.Equal([Sample(Start, 20), Sample(Start.AddMinutes(1), 20.25)], new SqliteHeatingHistoryStore(recovered).Load("living", Week));
    }

    [Fact]
    public async Task Append_OverTenDays_KeepsEightDaysPerZone()
    {
        await using (var store = await OpenAsync())
        {
            var history = new SqliteHeatingHistoryStore(store);
            for (var hour = 0; hour <= 10 * 24; hour++)
            {
                history.Append("living", Sample(Start.AddHours(hour), 20));
            }

            history.Append("bedroom", Sample(Start, 18));

            var kept = history.Load("living", TimeSpan.FromDays(30));
            Assert.Equal(Start.AddDays(2), kept[0].At);
            Assert.Equal(Start.AddDays(10), kept[^1].At);
            Assert.Equal((8 * 24) + 1, kept.Count);

            // Each zone is pruned back from its own newest sample.
            Assert.Equal([Sample(Start, 18)], history.Load("bedroom", TimeSpan.FromDays(30)));
        }

        Assert.Equal((8 * 24) + 2L, Scalar("SELECT COUNT(*) FROM heating_history"));
    }

    [Fact]
    public async Task Append_PrunesOnceAnHourOfSamples()
    {
        await using var store = await OpenAsync();
        var history = new SqliteHeatingHistoryStore(store);
        history.Append("living", Sample(Start, 20));

        // An old row slipped in (it breaks the newest-last contract, which makes it visible): the
        // appends of the next hour do not prune, the first one an hour later does.
        var old = Sample(Start.AddDays(-9), 15);
        history.Append("living", old);
        history.Append("living", Sample(Start.AddMinutes(59), 20));
        Assert.Contains(old, history.Load("living", TimeSpan.FromDays(30)));

        history.Append("living", Sample(Start.AddMinutes(60), 20));
        Assert.DoesNotContain(old, history.Load("living", TimeSpan.FromDays(30)));
        Assert.Equal(3, history.Load("living", TimeSpan.FromDays(30)).Count);
    }

    [Fact]
    public async Task Load_IsOneSearchOfThePrimaryKey()
    {
        await using (var store = await OpenAsync())
        {
            new SqliteHeatingHistoryStore(store).Append("living", Sample(Start, 20));
        }

        using var database = SqliteDatabase.Open(DbPath);
        using var plan = database.Prepare("EXPLAIN QUERY PLAN " + RuntimeStore.HeatingHistoryLoadSql)
            .Bind("$zone", "living").Bind("$span", 3600L);
        var steps = new List<string>();
        while (plan.Step())
        {
            steps.Add(plan.GetText(3)!);
        }

        Assert.NotEmpty(steps);
        Assert.All(steps.Where(s => s.Contains("heating_history", StringComparison.Ordinal)), s =>
            Assert.Contains("USING PRIMARY KEY (zone=?", s, StringComparison.Ordinal));
        Assert.DoesNotContain(steps, s => s.StartsWith("SCAN", StringComparison.Ordinal) || s.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_DatabaseFails_ThrowsStoreExceptionNamingTheFile()
    {
        await (await OpenAsync()).DisposeAsync();
        using (var database = SqliteDatabase.Open(DbPath))
        {
            database.Execute("DROP TABLE heating_history; CREATE TABLE heating_history (zone TEXT NOT NULL);");
        }

        await using var store = await OpenAsync();
        var history = new SqliteHeatingHistoryStore(store);

        var load = Assert.Throws<StoreException>(() => history.Load("living", Week));
        var append = Assert.Throws<StoreException>(() => history.Append("living", Sample(Start, 20)));

        Assert.Contains(DbPath, load.Message, StringComparison.Ordinal);
        Assert.Contains(DbPath, append.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteError>(load.InnerException);
    }

    private Task<RuntimeStore> OpenAsync() => RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None);

    private static HeatingHistorySample Sample(DateTimeOffset at, double room) => new(at, room, -2, 50, 1000, 200);

    private object? Scalar(string sql)
    {
        // A second connection, independent of the store's (which must be closed by now: it holds the file exclusively).
        using var database = SqliteDatabase.Open(DbPath);
        return database.Scalar(sql);
    }
}
