using ProofOfHeat.Sim.Time;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Sim.Tests;

public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset SimStart = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_OneRealSecondAtSpeed60_OneSimulatedMinute()
    {
        var real = new FakeTimeProvider();
        var scaled = new ScaledTimeProvider(SimStart, 60, real);
        Assert.Equal(SimStart, scaled.GetUtcNow());

        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SimStart.AddMinutes(1), scaled.GetUtcNow());
    }

    [Fact]
    public void GetElapsedTime_MeasuresSimulatedTime()
    {
        var real = new FakeTimeProvider();
        var scaled = new ScaledTimeProvider(SimStart, 60, real);
        var started = scaled.GetTimestamp();
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromMinutes(2), scaled.GetElapsedTime(started));
    }

    [Fact]
    public void CreateTimer_DueInSimulatedMinute_FiresAfterRealSecond()
    {
        var real = new FakeTimeProvider();
        var scaled = new ScaledTimeProvider(SimStart, 60, real);
        var fired = 0;
        using var timer = scaled.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void CreateTimer_Periodic_PeriodIsScaled()
    {
        var real = new FakeTimeProvider();
        var scaled = new ScaledTimeProvider(SimStart, 600, real);
        var fired = 0;
        using var timer = scaled.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));

        real.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, fired);
    }

    [Fact]
    public void Change_RescheduledTimer_UsesScaledDueTime()
    {
        var real = new FakeTimeProvider();
        var scaled = new ScaledTimeProvider(SimStart, 60, real);
        var fired = 0;
        using var timer = scaled.CreateTimer(_ => fired++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, fired);

        timer.Change(TimeSpan.FromMinutes(2), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, fired);
    }

    [Fact]
    public async Task Delay_OnScaledClock_CompletesAfterScaledRealTime()
    {
        var real = new FakeTimeProvider();
        var scaled = new ScaledTimeProvider(SimStart, 60, real);
        var delay = Task.Delay(TimeSpan.FromMinutes(10), scaled);
        real.Advance(TimeSpan.FromSeconds(9));
        Assert.False(delay.IsCompleted);
        real.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Constructor_BadSpeed_Throws(double speed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(SimStart, speed));
    }
}
