using ProofOfHeat.Sim.Devices;

namespace ProofOfHeat.Sim.Tests;

public sealed class SimulatedMinerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static DateTimeOffset Run(SimulatedMiner miner, DateTimeOffset from, int minutes)
    {
        for (var i = 0; i < minutes; i++)
        {
            miner.Advance(from, Minute, 0);
            from += Minute;
        }

        return from;
    }

    [Fact]
    public void Advance_AfterStart_SettlesWithinSettleTime()
    {
        var miner = new SimulatedMiner("m");
        miner.RequestPower(3000, Start);

        var heat = miner.Advance(Start, Minute, 0);
        Assert.Equal(1500, miner.PowerWatts, 6);
        Assert.Equal(750, heat.ToAir, 6);

        miner.Advance(Start + Minute, Minute, 0);
        Assert.Equal(3000, miner.PowerWatts, 6);
    }

    [Fact]
    public void Advance_Settled_AllPowerBecomesHeat()
    {
        var miner = new SimulatedMiner("m");
        miner.RequestPower(2000, Start);
        var now = Run(miner, Start, 5);
        var heat = miner.Advance(now, Minute, 0);
        Assert.Equal(2000, heat.Total, 6);
        Assert.Equal(miner.ElectricPowerWatts, heat.ToAir, 6);
    }

    [Fact]
    public void Advance_StepLongerThanRamp_MeanCountsRampAndPlateau()
    {
        var miner = new SimulatedMiner("m");
        miner.RequestPower(1000, Start);
        // 1000 W takes 40 s at 3000 W per 2 min: mean = (500·40 + 1000·80) / 120.
        var heat = miner.Advance(Start, TimeSpan.FromMinutes(2), 0);
        Assert.Equal(((500.0 * 40) + (1000.0 * 80)) / 120, heat.ToAir, 6);
    }

    [Fact]
    public void RequestPower_BetweenLevels_SnapsToNearest()
    {
        var miner = new SimulatedMiner("m");
        Assert.Equal(2000, miner.RequestPower(1600, Start));
        Assert.Equal(1000, miner.RequestPower(1400, Start));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(3001.0)]
    [InlineData(double.NaN)]
    public void RequestPower_OutOfRange_Throws(double watts)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedMiner("m").RequestPower(watts, Start));
    }

    [Fact]
    public void RequestPower_StopBeforeMinimumOnTime_RunsUntilAllowed()
    {
        var miner = new SimulatedMiner("m");
        miner.RequestPower(3000, Start);
        var now = Run(miner, Start, 4);
        miner.RequestPower(0, now);
        Assert.True(miner.IsRunning);

        now = Run(miner, now, 6);
        Assert.True(miner.IsRunning);
        Assert.Equal(3000, miner.PowerWatts, 6);

        now = Run(miner, now, 1);
        Assert.False(miner.IsRunning);
        Run(miner, now, 3);
        Assert.Equal(0, miner.PowerWatts, 6);
    }

    [Fact]
    public void RequestPower_StartBeforeMinimumOffTime_WaitsUntilAllowed()
    {
        var miner = new SimulatedMiner("m");
        miner.RequestPower(1000, Start);
        var now = Run(miner, Start, 10);
        miner.RequestPower(0, now);
        Assert.False(miner.IsRunning);
        now = Run(miner, now, 3);

        miner.RequestPower(2000, now);
        Assert.False(miner.IsRunning);
        now = Run(miner, now, 7);
        Assert.False(miner.IsRunning);
        Assert.Equal(1, miner.StartCount);

        Run(miner, now, 1);
        Assert.True(miner.IsRunning);
        Assert.Equal(2, miner.StartCount);
    }

    [Fact]
    public void RequestPower_LevelChangeWhileRunning_AppliesAtOnce()
    {
        var miner = new SimulatedMiner("m");
        miner.RequestPower(3000, Start);
        var now = Run(miner, Start, 1);
        miner.RequestPower(1000, now);
        Assert.Equal(1000, miner.TargetPowerWatts);
    }

    [Fact]
    public void Advance_Energy_AccumulatesJoules()
    {
        var miner = new SimulatedMiner("m", new MinerOptions { SettleTime = TimeSpan.FromSeconds(1) });
        miner.RequestPower(3000, Start);
        Run(miner, Start, 60);
        Assert.InRange(miner.EnergyJoules, (3000.0 * 3600) - 3000, 3000.0 * 3600);
    }
}
