using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Schedules;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class ScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static WeeklySchedule Compile(IEnumerable<ScheduleBlock> blocks, IEnumerable<ScheduleHoliday>? exceptions = null) =>
        WeeklySchedule.Compile("eco", blocks, exceptions ?? [], "test");

    private static ScheduleBlock Block(string days, string from, string to, string preset = "comfort") =>
        new() { Days = days, From = from, To = to, Preset = preset };

    // 2026-01-05 is a Monday.
    private static DateTime Local(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, DateTimeKind.Unspecified);

    [Fact]
    public void PresetAt_WeekdaysAndWeekends_DifferentBlocks()
    {
        var schedule = HeatingProfile.Default().Compile();
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(Local(5, 6, 29)));
        Assert.Equal(HeatingPreset.Comfort, schedule.PresetAt(Local(5, 6, 30)));
        Assert.Equal(HeatingPreset.Comfort, schedule.PresetAt(Local(5, 22, 29)));
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(Local(5, 22, 30)));
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(Local(10, 7, 0)));
        Assert.Equal(HeatingPreset.Comfort, schedule.PresetAt(Local(10, 8, 0)));
        Assert.Equal(HeatingPreset.Comfort, schedule.PresetAt(Local(11, 22, 59)));
    }

    [Fact]
    public void PresetAt_BlockPastMidnight_SpillsIntoNextDay()
    {
        var schedule = Compile([Block("fri", "22:00", "02:00", "boost")]);
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(Local(9, 21, 59)));
        Assert.Equal(HeatingPreset.Boost, schedule.PresetAt(Local(9, 23, 0)));
        Assert.Equal(HeatingPreset.Boost, schedule.PresetAt(Local(10, 1, 59)));
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(Local(10, 2, 0)));
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(Local(8, 23, 0)));
    }

    [Fact]
    public void PresetAt_SundayNightBlock_SpillsIntoMondayAcrossTheWeek()
    {
        var schedule = Compile([Block("sun", "23:00", "01:00", "away")]);
        Assert.Equal(HeatingPreset.Away, schedule.PresetAt(Local(11, 23, 30)));
        Assert.Equal(HeatingPreset.Away, schedule.PresetAt(Local(12, 0, 30)));
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(Local(12, 1, 0)));
    }

    [Fact]
    public void PresetAt_Overlap_LaterBlockWins()
    {
        var schedule = Compile([Block("daily", "06:00", "22:00"), Block("mon-fri", "09:00", "17:00", "away")]);
        Assert.Equal(HeatingPreset.Away, schedule.PresetAt(Local(5, 10, 0)));
        Assert.Equal(HeatingPreset.Comfort, schedule.PresetAt(Local(10, 10, 0)));
    }

    [Fact]
    public void PresetAt_HolidayWithPreset_WholeDaysAndSpillSuppressed()
    {
        var schedule = Compile(
            [Block("daily", "06:00", "22:00"), Block("tue", "22:00", "02:00", "boost")],
            [new ScheduleHoliday { Date = "2026-01-07", Until = "2026-01-08", Preset = "away" }]);
        Assert.Equal(HeatingPreset.Away, schedule.PresetAt(Local(7, 1, 0)));
        Assert.Equal(HeatingPreset.Away, schedule.PresetAt(Local(8, 12, 0)));
        Assert.Equal(HeatingPreset.Comfort, schedule.PresetAt(Local(9, 12, 0)));
    }

    [Fact]
    public void PresetAt_HolidayLikeSunday_UsesSundayBlocks()
    {
        var schedule = Compile(
            [Block("weekdays", "06:00", "08:00"), Block("sun", "09:00", "23:00")],
            [new ScheduleHoliday { Date = "2026-01-06", Like = "sunday" }]);
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(Local(6, 7, 0)));
        Assert.Equal(HeatingPreset.Comfort, schedule.PresetAt(Local(6, 10, 0)));
        Assert.Equal(HeatingPreset.Comfort, schedule.PresetAt(Local(7, 7, 0)));
    }

    [Fact]
    public void PresetAt_DstSpringForward_BlockFollowsWallClock()
    {
        var schedule = Compile([Block("daily", "06:00", "22:00")]);

        // Berlin: CET (UTC+1) until 2026-03-29 02:00, then CEST (UTC+2).
        Assert.Equal(HeatingPreset.Comfort, schedule.PresetAt(new DateTimeOffset(2026, 3, 28, 5, 0, 0, TimeSpan.Zero), Berlin));
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(new DateTimeOffset(2026, 3, 28, 4, 59, 0, TimeSpan.Zero), Berlin));
        Assert.Equal(HeatingPreset.Comfort, schedule.PresetAt(new DateTimeOffset(2026, 3, 29, 4, 0, 0, TimeSpan.Zero), Berlin));
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(new DateTimeOffset(2026, 3, 29, 3, 59, 0, TimeSpan.Zero), Berlin));
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(new DateTimeOffset(2026, 3, 29, 20, 0, 0, TimeSpan.Zero), Berlin));
    }

    [Fact]
    public void PresetAt_DstFallBack_BlockFollowsWallClock()
    {
        var schedule = Compile([Block("daily", "02:30", "03:00", "boost")]);

        // 2026-10-25 03:00 CEST becomes 02:00 CET: local 02:30 happens twice, at 00:30 and 01:30 UTC.
        Assert.Equal(HeatingPreset.Boost, schedule.PresetAt(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), Berlin));
        Assert.Equal(HeatingPreset.Boost, schedule.PresetAt(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), Berlin));
        Assert.Equal(HeatingPreset.Eco, schedule.PresetAt(new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.Zero), Berlin));
    }

    [Theory]
    [InlineData("weekdays", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })]
    [InlineData("weekends", new[] { DayOfWeek.Saturday, DayOfWeek.Sunday })]
    [InlineData("fri-mon", new[] { DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday })]
    [InlineData("Mon, wednesday", new[] { DayOfWeek.Monday, DayOfWeek.Wednesday })]
    public void ParseDays_Shorthands(string text, DayOfWeek[] expected)
    {
        Assert.Equal(expected.Order(), ScheduleText.ParseDays(text, "test").Order());
    }

    [Theory]
    [InlineData("25:00", "07:00", "comfort", "from")]
    [InlineData("06:00", "7", "comfort", "to")]
    [InlineData("06:00", "07:00", "warm", "preset")]
    public void Compile_BadBlock_ErrorNamesTheKey(string from, string to, string preset, string key)
    {
        var error = Assert.Throws<ArgumentException>(() => Compile([Block("daily", from, to, preset)]));
        Assert.Contains($"test, schedule[0].{key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_HolidayWithPresetAndLike_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Compile([], [new ScheduleHoliday { Date = "2026-12-25", Preset = "away", Like = "sun" }]));
        Assert.Contains("exceptions[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_HolidayEndsBeforeItStarts_Throws()
    {
        Assert.Throws<ArgumentException>(() => Compile([], [new ScheduleHoliday { Date = "2026-12-25", Until = "2026-12-24", Preset = "away" }]));
    }
}
