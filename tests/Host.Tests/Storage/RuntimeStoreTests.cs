using ProofOfHeat.Host.Storage;
using ProofOfHeat.Host.Storage.Sqlite;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Storage;

public sealed class RuntimeStoreTests : IDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private string DbPath => _dir.Combine("data/poh.db");

    [Fact]
    public async Task OpenAsync_NewFile_AppliesEveryMigrationOnce()
    {
        await using (var store = await RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None).WaitAsync(Safety))
        {
            Assert.Equal(Migrations.Latest, store.SchemaVersion);
        }

        await using (var reopened = await RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None).WaitAsync(Safety))
        {
            Assert.Equal(Migrations.Latest, reopened.SchemaVersion);
        }

        Assert.Equal(Migrations.All.Count, CountRows("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task OpenAsync_NewMigrationAdded_AppliesOnlyTheNewOne()
    {
        await (await RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None)).DisposeAsync();
        var next = Migrations.All.Append(new Migration(Migrations.Latest + 1, "test table", "CREATE TABLE extra (id INTEGER);")).ToList();

        await using (var store = await RuntimeStore.OpenAsync(DbPath, _time, next, TimeSpan.FromSeconds(1), CancellationToken.None))
        {
            Assert.Equal(Migrations.Latest + 1, store.SchemaVersion);
        }

        await (await RuntimeStore.OpenAsync(DbPath, _time, next, TimeSpan.FromSeconds(1), CancellationToken.None)).DisposeAsync();
        Assert.Equal(next.Count, CountRows("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_DatabaseNewerThanCode_FailsNamingFileAndVersions()
    {
        var next = Migrations.All.Append(new Migration(Migrations.Latest + 1, "future", "CREATE TABLE future (id INTEGER);")).ToList();
        await (await RuntimeStore.OpenAsync(DbPath, _time, next, TimeSpan.FromSeconds(1), CancellationToken.None)).DisposeAsync();

        var error = await Assert.ThrowsAsync<StoreException>(() => RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None));

        Assert.Contains(Path.GetFullPath(DbPath), error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {Migrations.Latest + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer poh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_GarbageFile_FailsNamingTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        await File.WriteAllTextAsync(DbPath, new string('x', 4096));

        var error = await Assert.ThrowsAsync<StoreException>(() => RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None));

        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_AlreadyOpenElsewhere_FailsAsLocked()
    {
        await using var first = await RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None);

        var error = await Assert.ThrowsAsync<StoreException>(
            () => RuntimeStore.OpenAsync(DbPath, _time, Migrations.All, TimeSpan.FromMilliseconds(100), CancellationToken.None).WaitAsync(Safety));

        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("locked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetStateAsync_Reopened_ReturnsStoredValue()
    {
        await using (var store = await RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None))
        {
            await store.SetStateAsync("profiles", "active", new { name = "away", target = 17.5 }, CancellationToken.None);
            await store.SetStateJsonAsync("misc", "flag", "true", CancellationToken.None);
        }

        await using var reopened = await RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None);
        Assert.Equal("""{"name":"away","target":17.5}""", await reopened.GetStateJsonAsync("profiles", "active", CancellationToken.None));
        Assert.True(await reopened.GetStateAsync<bool>("misc", "flag", CancellationToken.None));
        Assert.Null(await reopened.GetStateJsonAsync("misc", "absent", CancellationToken.None));
        Assert.Equal(["flag"], await reopened.ListStateKeysAsync("misc", CancellationToken.None));
        Assert.True(await reopened.DeleteStateAsync("misc", "flag", CancellationToken.None));
        Assert.False(await reopened.DeleteStateAsync("misc", "flag", CancellationToken.None));
    }

    [Fact]
    public async Task GetActiveOverridesAsync_AfterExpiry_LeavesItOut()
    {
        await using var store = await RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None);
        await store.SetOverrideAsync(new TemperatureOverride("living", 23, _time.GetUtcNow().AddHours(1)), CancellationToken.None);
        await store.SetOverrideAsync(new TemperatureOverride("bedroom", 18, null), CancellationToken.None);

        Assert.Equal(2, (await store.GetActiveOverridesAsync(CancellationToken.None)).Count);
        _time.Advance(TimeSpan.FromHours(2));

        var active = Assert.Single(await store.GetActiveOverridesAsync(CancellationToken.None));
        Assert.Equal("bedroom", active.Zone);
        Assert.True(await store.RemoveOverrideAsync("bedroom", CancellationToken.None));
    }

    [Fact]
    public async Task SetProfileAsync_ThenGet_RoundTrips()
    {
        await using var store = await RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None);
        await store.SetProfileAsync("away", new Dictionary<string, double> { ["living"] = 16 }, CancellationToken.None);

        var profile = await store.GetProfileAsync<Dictionary<string, double>>("away", CancellationToken.None);

        Assert.Equal(16, profile!["living"]);
        Assert.Equal(["away"], await store.ListProfilesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SqliteAppSwitchStore_SaveThenReopen_LoadsSwitches()
    {
        await using (var store = await RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None))
        {
            var switches = new SqliteAppSwitchStore(store);
            await switches.SaveAsync("heating", false, CancellationToken.None);
            await switches.SaveAsync("safety", true, CancellationToken.None);
            await switches.SaveAsync("heating", true, CancellationToken.None);
        }

        await using var reopened = await RuntimeStore.OpenAsync(DbPath, _time, CancellationToken.None);
        var loaded = await new SqliteAppSwitchStore(reopened).LoadAsync(CancellationToken.None);

        Assert.Equal(2, loaded.Count);
        Assert.True(loaded["heating"]);
        Assert.True(loaded["safety"]);
    }

    private long CountRows(string sql) => Convert.ToInt64(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    private object? Scalar(string sql)
    {
        // A second connection, independent of the store's (which must be closed by now: it holds the file exclusively).
        using var database = SqliteDatabase.Open(DbPath);
        return database.Scalar(sql);
    }
}
