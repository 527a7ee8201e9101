using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class NightLimitTests
{
    private static TimeSpan At(int hour, int minute = 0) => new(hour, minute, 0);

    [Fact]
    public void CapAt_AcrossMidnight()
    {
        var limit = new NightLimit(new NightLimitOptions { MaxMinerWatts = 1000, From = "22:00", To = "07:00" });
        Assert.Null(limit.CapAt(At(21, 59)));
        Assert.Equal(1000, limit.CapAt(At(22, 0)));
        Assert.Equal(1000, limit.CapAt(At(0, 0)));
        Assert.Equal(1000, limit.CapAt(At(6, 59)));
        Assert.Null(limit.CapAt(At(7, 0)));
    }

    [Fact]
    public void CapAt_SameDayWindow()
    {
        var limit = new NightLimit(new NightLimitOptions { MaxMinerWatts = 500, From = "13:00", To = "15:00" });
        Assert.Equal(500, limit.CapAt(At(14, 0)));
        Assert.Null(limit.CapAt(At(23, 0)));
    }

    [Fact]
    public void CapAt_NoLimitConfigured_Null()
    {
        Assert.Null(new NightLimit(new NightLimitOptions()).CapAt(At(23, 0)));
    }

    [Theory]
    [InlineData(3000, 1500, 1000)]
    [InlineData(1000, 1500, 1000)]
    [InlineData(3000, 500, 0)]
    [InlineData(2000, 2000, 2000)]
    public void Bound_HighestLevelAtOrBelowCap(int watts, int cap, int expected)
    {
        Assert.Equal(expected, NightLimit.Bound([0, 1000, 2000, 3000], watts, cap));
    }

    [Fact]
    public void Bound_EveryLevelAboveCap_LowestLevel()
    {
        Assert.Equal(800, NightLimit.Bound([800, 1600], 1600, 500));
    }

    [Fact]
    public void Constructor_BadTime_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new NightLimit(new NightLimitOptions { MaxMinerWatts = 1, From = "10pm" }));
        Assert.Contains("night_limit.from", error.Message, StringComparison.Ordinal);
    }
}
