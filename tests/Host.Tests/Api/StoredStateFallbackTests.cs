using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Host.Api;
using ProofOfHeat.Host.Storage;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>A stored profile that no longer validates never stops the heating app: defaults, a warning, and a line in /api/status.</summary>
public sealed class StoredStateFallbackTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly StoredStateProblems _problems = new();
    private RuntimeStore _store = null!;

    public async Task InitializeAsync() => _store = await RuntimeStore.OpenAsync(_dir.Combine("poh.db"), _time, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("""{"name": "default", "presets": {"comfort": 40}}""", "the comfort temperature 40 is outside 5..35 °C")]
    [InlineData("""{"name": "default", "presets": {"comfort": 0, "eco": 0, "away": 0, "antifreeze": 0, "boost": 0}}""", "the comfort temperature 0 is outside")]
    [InlineData("""{not json""", "not valid JSON")]
    public async Task Seed_StoredProfileInvalid_StartsOnTheConfiguredProfileAndSaysWhy(string stored, string problem)
    {
        await _store.SetStateJsonAsync("heating.profiles", "default", stored, CancellationToken.None);
        using var control = new HeatingControl(ProfileStore(), _time);

        await control.SeedAsync([HeatingProfile.Default(comfort: 20)], null, CancellationToken.None);

        Assert.Equal("default", control.Active.Profile.Name);
        Assert.Equal(20, control.Active.Profile.Presets.Comfort);
        var status = JsonSerializer.SerializeToElement(_problems.GetStatus()).GetProperty("invalid").EnumerateArray().Single();
        Assert.Equal("heating.profiles/default", status.GetProperty("key").GetString());
        Assert.Contains(problem, status.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("heating.profiles/default is not valid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_StoredActiveProfileNotAString_FallsBackToThePreferredProfile()
    {
        await _store.SetStateJsonAsync("heating", "active_profile", """{"oops": 1}""", CancellationToken.None);
        using var control = new HeatingControl(ProfileStore(), _time);

        await control.SeedAsync([HeatingProfile.Default(), new HeatingProfile { Name = "away" }], "away", CancellationToken.None);

        Assert.Equal("away", control.Active.Profile.Name);
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("heating/active_profile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_ValidStoredProfile_ReadsBackWhatWasSaved()
    {
        var store = ProfileStore();
        await store.SaveAsync(HeatingProfile.Default(comfort: 22.5), CancellationToken.None);

        var profile = Assert.Single(await store.ListAsync(CancellationToken.None));

        Assert.Equal(22.5, profile.Presets.Comfort);
        Assert.Equal(2, profile.Schedule.Count);
        Assert.Empty(JsonSerializer.SerializeToElement(_problems.GetStatus()).GetProperty("invalid").EnumerateArray());
    }

    private SqliteHeatingProfileStore ProfileStore() =>
        new(_store, _logs.CreateFactory().CreateLogger<SqliteHeatingProfileStore>(), _problems);
}
