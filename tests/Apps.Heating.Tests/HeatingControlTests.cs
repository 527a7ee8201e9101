using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Schedules;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class HeatingControlTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryHeatingProfileStore _store = new();
    private readonly HeatingControl _control;

    public HeatingControlTests() => _control = new HeatingControl(_store, _time, TimeSpan.FromMinutes(45));

    public void Dispose() => _control.Dispose();

    private static HeatingProfile Named(string name, double comfort = 21) =>
        new() { Name = name, Presets = new PresetTemperatures { Comfort = comfort } };

    [Fact]
    public void SetTarget_WithTtl_HoldsUntilExpiryThenScheduleResumes()
    {
        _control.SetTarget("living", 23.5, TimeSpan.FromHours(2));
        Assert.Equal(23.5, _control.GetZone("living").Override!.Target);

        _time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.NotNull(_control.GetZone("living").Override);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_control.GetZone("living").Override);
        Assert.Equal(ZoneMode.Heat, _control.GetZone("living").Mode);
    }

    [Fact]
    public void SetPreset_BoostWithoutTtl_GetsDefaultBoostDuration()
    {
        _control.SetPreset("office", HeatingPreset.Boost, null);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(45), _control.GetZone("office").Override!.ExpiresAt);
    }

    [Fact]
    public void SetPreset_AwayWithoutTtl_HoldsUntilCleared()
    {
        _control.SetPreset("office", HeatingPreset.Away, null);
        _time.Advance(TimeSpan.FromDays(10));
        Assert.Equal(HeatingPreset.Away, _control.GetZone("office").Override!.Preset);
        _control.SetPreset("office", null, null);
        Assert.Null(_control.GetZone("office").Override);
    }

    [Fact]
    public void SetTarget_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _control.SetTarget("z", 80, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => _control.SetTarget("z", 20, TimeSpan.Zero));
    }

    [Fact]
    public void Changes_AreAnnouncedWithTheZone()
    {
        var seen = new List<string?>();
        using var subscription = _control.Changed.Subscribe(seen.Add);
        _control.SetMode("a", ZoneMode.Off);
        _control.SetPreset("b", HeatingPreset.Eco, null);
        Assert.Equal(["a", "b"], seen);
        Assert.Equal(ZoneMode.Off, _control.GetZone("a").Mode);
    }

    [Fact]
    public async Task SeedAsync_NoStoredProfiles_StoresConfiguredAndActivatesPreferred()
    {
        await _control.SeedAsync([Named("home"), Named("holiday", 17)], "holiday", CancellationToken.None);
        Assert.Equal("holiday", _control.Active.Profile.Name);
        Assert.Equal(["holiday", "home"], _control.ProfileNames);
        Assert.Equal(2, (await _store.ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task SeedAsync_StoredChoiceAndEditedProfile_WinOverConfig()
    {
        await _store.SaveAsync(Named("home", 22.5), CancellationToken.None);
        await _store.SaveAsync(Named("holiday", 16), CancellationToken.None);
        await _store.SetActiveAsync("home", CancellationToken.None);

        await _control.SeedAsync([Named("home", 20), Named("holiday")], "holiday", CancellationToken.None);

        Assert.Equal("home", _control.Active.Profile.Name);
        Assert.Equal(22.5, _control.Active.Profile.Presets.Comfort);
    }

    [Fact]
    public async Task SwitchProfileAsync_Persists_AndUnknownThrows()
    {
        await _control.SeedAsync([Named("home"), Named("holiday", 17)], null, CancellationToken.None);
        await _control.SwitchProfileAsync("holiday", CancellationToken.None);
        Assert.Equal("holiday", _control.Active.Profile.Name);
        Assert.Equal("holiday", await _store.GetActiveAsync(CancellationToken.None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _control.SwitchProfileAsync("party", CancellationToken.None));
    }

    [Fact]
    public async Task SaveProfileAsync_ActiveProfile_TakesEffectAtOnce_BadOneRefused()
    {
        await _control.SeedAsync([Named("home")], null, CancellationToken.None);
        await _control.SaveProfileAsync(Named("home", 22), CancellationToken.None);
        Assert.Equal(22, _control.Active.Profile.Presets.Comfort);

        var bad = Named("broken");
        bad.Schedule = [new ScheduleBlock { From = "late", Preset = "comfort" }];
        await Assert.ThrowsAsync<ArgumentException>(() => _control.SaveProfileAsync(bad, CancellationToken.None));
        Assert.DoesNotContain("broken", _control.ProfileNames);
    }

    [Fact]
    public void HeatingProfileJson_RoundTrips()
    {
        var profile = HeatingProfile.Default();
        profile.Exceptions = [new ScheduleHoliday { Date = "2026-12-24", Until = "2026-12-26", Like = "sun" }];
        var json = HeatingProfileJson.Serialize(profile);
        Assert.Contains("\"default_preset\":\"eco\"", json, StringComparison.Ordinal);
        var back = HeatingProfileJson.Deserialize(json);
        Assert.Equal(HeatingProfileJson.Serialize(back), json);
        Assert.Equal("2026-12-26", back.Exceptions[0].Until);
    }
}
