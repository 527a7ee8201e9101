namespace ProofOfHeat.Control.Tests.TimeProportioning;

public sealed class TimeProportionalDriveTests
{
    private static readonly TimeSpan Cycle = TimeSpan.FromMinutes(10);
    private static readonly TpiSourceLimits Heater = new([0, 2000], false, TimeSpan.Zero, TimeSpan.Zero);
    private static readonly TpiSourceLimits Miner = new([0, 875, 1750, 2625, 3500], false, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));

    [Fact]
    public void Step_OnOffHeaterAtThirtyPercent_OnForThreeMinutesOfEveryTenMinuteCycle()
    {
        var run = new DriveRun(Heater, Cycle).Run(TimeSpan.FromHours(2), TimeSpan.FromMinutes(1), _ => 0.3);

        foreach (var cycle in run.Levels.Chunk(10))
        {
            Assert.Equal([2000, 2000, 2000, 0, 0, 0, 0, 0, 0, 0], cycle.Select(l => l.Watts));
        }
    }

    [Fact]
    public void Step_OnOffHeaterAtThirtyPercent_IsNotRoundedToTheNearestLevel()
    {
        // The case: 2,000 W heater, 30 % demand. Nearest-level mapping gave 0 W for ever.
        var drive = new TimeProportionalDrive(Heater, Cycle, TimeSpan.FromHours(1));

        var delivery = drive.Step(DriveRun.Start, 0.3, new TpiSourceStatus(false, TimeSpan.FromDays(1)));

        Assert.Equal(2000, delivery.Watts);
        Assert.Equal(DriveRun.Start + TimeSpan.FromMinutes(3), delivery.NextChange);
        Assert.Equal(0.3, delivery.HighShare, 9);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void Step_OnOffMinerWithTenMinuteDwell_StretchesTheCycleAndKeepsTheShare(double fraction)
    {
        var miner = Miner with { Levels = [0, 3500] };
        var run = new DriveRun(miner, Cycle).Run(TimeSpan.FromHours(12), TimeSpan.FromSeconds(10), _ => fraction);

        Assert.True(run.ShortestPhase() >= TimeSpan.FromMinutes(10), $"shortest phase {run.ShortestPhase()}");
        Assert.Equal(fraction * 3500, run.MeanFrom(DriveRun.Start), 3500 * 0.02);
    }

    [Fact]
    public void Step_SteppedMiner_RunsBetweenTheTwoTiersThatBracketTheDemand()
    {
        // 60 % of 3,500 W = 2,100 W: between 1,750 and 2,625 W, at the upper tier 40 % of the time.
        var run = new DriveRun(Miner, Cycle).Run(TimeSpan.FromHours(2), TimeSpan.FromMinutes(1), _ => 0.6);

        Assert.Equal([1750, 2625], run.Levels.Select(l => l.Watts).Distinct().Order());
        Assert.Equal(2100, run.MeanFrom(DriveRun.Start), 1);
        Assert.Empty(run.Switches.Skip(1));
    }

    [Fact]
    public void Step_ModulatingSourceAboveItsLowestLevel_GetsTheWantedPower()
    {
        var pump = new TpiSourceLimits([0, 2400, 8000], true, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(10));
        var drive = new TimeProportionalDrive(pump, Cycle, TimeSpan.FromHours(1));

        var delivery = drive.Step(DriveRun.Start, 0.5, new TpiSourceStatus(true, TimeSpan.FromHours(1)));

        Assert.Equal(4000, delivery.Watts, 6);
    }

    [Fact]
    public void Step_ShareNoCycleCanHold_NearestShareThatFits()
    {
        // 5 % with a 10-minute minimum run needs a 200-minute cycle; up to 60 minutes the nearest share is none.
        var off = new DriveRun(Miner with { Levels = [0, 3500] }, Cycle).Run(TimeSpan.FromHours(4), TimeSpan.FromMinutes(1), _ => 0.05);
        // 12 % is nearer to 10 of 60 minutes (17 %) than to none.
        var some = new DriveRun(Miner with { Levels = [0, 3500] }, Cycle).Run(TimeSpan.FromHours(4), TimeSpan.FromMinutes(1), _ => 0.12);

        Assert.All(off.Levels, l => Assert.Equal(0, l.Watts));
        Assert.Equal(3500.0 / 6, some.MeanFrom(DriveRun.Start), 1);
    }

    [Fact]
    public void Step_DemandDropsToZeroEarlyInTheOnPhase_StaysOnForTheMinimumRun()
    {
        var run = new DriveRun(Miner with { Levels = [0, 3500] }, Cycle)
            .Run(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), t => t < DriveRun.Start + TimeSpan.FromMinutes(2) ? 0.5 : 0);

        Assert.Equal(10, run.Levels.Count(l => l.Watts > 0));
        Assert.Equal(2, run.Switches.Count);
    }

    [Fact]
    public void Step_SourceStillServingItsOffTime_StartsTheCycleWhenItMay()
    {
        var drive = new TimeProportionalDrive(Miner with { Levels = [0, 3500] }, Cycle, TimeSpan.FromHours(1));

        var delivery = drive.Step(DriveRun.Start, 0.5, new TpiSourceStatus(false, TimeSpan.FromMinutes(4)));

        Assert.Equal(0, delivery.Watts);
        Assert.Equal(DriveRun.Start + TimeSpan.FromMinutes(6), delivery.NextChange);
    }

    [Fact]
    public void Step_FractionChangesWithinTheBracket_HoldsUntilTheCycleEnds()
    {
        var drive = new TimeProportionalDrive(Heater, Cycle, TimeSpan.FromHours(1));
        var off = new TpiSourceStatus(false, TimeSpan.FromDays(1));
        drive.Step(DriveRun.Start, 0.2, off);

        var later = drive.Step(DriveRun.Start + TimeSpan.FromMinutes(3), 0.9, off);
        var next = drive.Step(DriveRun.Start + Cycle, 0.9, off);

        Assert.Equal(0, later.Watts);
        Assert.Equal(0.2, later.HighShare, 9);
        Assert.Equal(2000, next.Watts);
        Assert.Equal(0.9, next.HighShare, 9);
    }

    [Fact]
    public void Constructor_MaxCycleShorterThanCycle_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeProportionalDrive(Heater, Cycle, TimeSpan.FromMinutes(5)));
    }
}
