using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Schedules;
using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class ComfortBandsTests
{
    private static readonly HeatingProfile Profile = HeatingProfile.Default();
    private static readonly WeeklySchedule Schedule = Profile.Compile();

    // Monday 2026-01-05 06:07 UTC; the home runs on UTC.
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 6, 7, 0, TimeSpan.Zero);

    [Fact]
    public void Build_ThirtySixHoursOfQuarterHours_StartingAtTheCurrentSlot()
    {
        var band = ComfortBands.Build(ZoneSettings.Scheduled, Profile, Schedule, Now, TimeZoneInfo.Utc, 1.0);
        Assert.Equal(144, band.Count);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero), band[0].Start);
        Assert.All(band.Zip(band.Skip(1)), p => Assert.Equal(p.First.Start + TimeSpan.FromMinutes(15), p.Second.Start));
        Assert.Equal(HeatingPreset.Eco, band[0].Preset);
        Assert.Equal(18.5, band[0].Lower);
        Assert.Equal(19.5, band[0].Upper);
        var comfortStart = band.First(s => s.Preset == HeatingPreset.Comfort);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 6, 30, 0, TimeSpan.Zero), comfortStart.Start);
        Assert.Equal(21, comfortStart.Lower);
    }

    [Fact]
    public void Build_OverrideExpiresMidHorizon_ScheduleResumes()
    {
        var settings = new ZoneSettings(ZoneMode.Heat, new ZoneOverride(23, null, Now + TimeSpan.FromHours(2)));
        var band = ComfortBands.Build(settings, Profile, Schedule, Now, TimeZoneInfo.Utc, 0.5);
        // The override ends at 08:07, inside the slot starting 08:00, which still takes it.
        Assert.All(band.Take(9), s => Assert.Equal(23, s.Lower));
        Assert.Null(band[8].Preset);
        Assert.Equal(HeatingPreset.Comfort, band[9].Preset);
        Assert.Equal(21, band[9].Lower);
    }

    [Fact]
    public void Build_ZoneOff_AntifreezeOnly()
    {
        var band = ComfortBands.Build(new ZoneSettings(ZoneMode.Off, null), Profile, Schedule, Now, TimeZoneInfo.Utc, 1);
        Assert.All(band, s => Assert.Equal(7, s.Lower));
    }

    [Fact]
    public void Build_BerlinTime_ComfortStartsAtLocalSixThirty()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var band = ComfortBands.Build(ZoneSettings.Scheduled, Profile, Schedule, new DateTimeOffset(2026, 1, 5, 4, 0, 0, TimeSpan.Zero), berlin, 1);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 5, 30, 0, TimeSpan.Zero), band.First(s => s.Preset == HeatingPreset.Comfort).Start);
    }
}
