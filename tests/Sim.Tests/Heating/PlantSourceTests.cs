using ProofOfHeat.Sim.Heating.Sources;

namespace ProofOfHeat.Sim.Tests.Heating;

public sealed class PlantSourceTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Command_StopBeforeMinimumOnTime_IsDeferredAndCountedOnce()
    {
        var miner = MinerSource.S21("m");
        Assert.True(miner.Command(T0, 3500));
        Assert.False(miner.Command(T0.AddMinutes(3), 0));
        Assert.False(miner.Command(T0.AddMinutes(4), 0));
        Assert.Equal(1, miner.DwellViolationAttempts);
        Assert.True(miner.Running);

        miner.Tick(T0.AddMinutes(9));
        Assert.True(miner.Running);
        miner.Tick(T0.AddMinutes(10));
        Assert.False(miner.Running);
        Assert.Equal(1, miner.Starts);
        Assert.Equal(1, miner.Stops);
    }

    [Fact]
    public void Command_TierChangeWhileRunning_IsAllowedAndCounted()
    {
        var miner = MinerSource.S21("m");
        miner.Command(T0, 3500);
        Assert.True(miner.Command(T0.AddMinutes(1), 1750));
        Assert.Equal(1750, miner.Level);
        Assert.Equal(1, miner.LevelChanges);
        Assert.Equal(0.5 + 1.0, miner.Travel, 9);
    }

    [Fact]
    public void Command_DeferredThenCancelled_KeepsLevel()
    {
        var pump = HeatPumpSource.Standard("hp");
        pump.Command(T0, 4000);
        pump.Command(T0.AddMinutes(5), 0);
        pump.Command(T0.AddMinutes(6), 4000);
        pump.Tick(T0.AddMinutes(30));
        Assert.True(pump.Running);
        Assert.Equal(0, pump.Stops);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(400, 0)]
    [InlineData(500, 875)]
    [InlineData(1200, 875)]
    [InlineData(1400, 1750)]
    [InlineData(99999, 3500)]
    public void Snap_Miner_GoesToNearestTier(double requested, double expected) =>
        Assert.Equal(expected, MinerSource.S21("m").Snap(requested));

    [Theory]
    [InlineData(1000, 0)]
    [InlineData(1300, 2400)]
    [InlineData(5000, 5000)]
    [InlineData(9000, 8000)]
    public void Snap_HeatPump_ClampsToModulationRange(double requested, double expected) =>
        Assert.Equal(expected, HeatPumpSource.Standard("hp").Snap(requested), 9);

    [Fact]
    public void Cop_FollowsCarnotFractionCapAndDefrost()
    {
        var pump = HeatPumpSource.Standard("hp");
        Assert.Equal(0.45 * (35 + 273.15) / 25, pump.Cop(35, 10), 9);
        Assert.Equal(0.9 * 0.45 * (35 + 273.15) / 35, pump.Cop(35, 0), 9);
        Assert.Equal(6, pump.Cop(30, 25), 9);
    }

    [Fact]
    public void Boiler_EfficiencyDependsOnReturnTemperature()
    {
        var boiler = GasBoilerSource.Standard("b");
        boiler.Command(T0, 10000);
        var condensing = boiler.Produce(new SourceConditions(0, 20, 50, 20000));
        var hot = boiler.Produce(new SourceConditions(0, 20, 60, 20000));
        Assert.Equal(10000 / 0.92, condensing.GasWatts, 6);
        Assert.Equal(10000 / 0.87, hot.GasWatts, 6);
        Assert.Equal(6000, boiler.Levels[1]);
    }
}
