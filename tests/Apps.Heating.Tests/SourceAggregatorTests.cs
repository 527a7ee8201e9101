using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Control;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class SourceAggregatorTests
{
    private static readonly HeatSourceOptions Miner = new()
    {
        Id = "miner", Entity = "number.s21_power", PowerLevels = [0, 1000, 2000, 3000], Miner = true,
    };

    private static readonly HeatSourceOptions Pump = new()
    {
        Id = "pump", Kind = HeatSourceKind.Climate, Entity = "climate.heat_pump", PowerLevels = [0, 2500],
    };

    // The real delivery at the start of a TPI cycle (the upper bracketing level first) of a source that has been off long.
    private static int AtCycleStart(HeatSourceOptions source, double fraction) => (int)new TimeProportionalDrive(
            new TpiSourceLimits([.. source.PowerLevels.Select(l => (double)l)], source.Modulating, source.MinimumOn, source.MinimumOff),
            TimeSpan.FromMinutes(10), TimeSpan.FromHours(1))
        .Step(DateTimeOffset.UnixEpoch, fraction, new TpiSourceStatus(false, TimeSpan.FromDays(1))).Watts;

    private static ZoneDemand Demand(string zone, double fraction, double target, params string[] sources) =>
        new(zone, fraction, target, sources);

    [Fact]
    public void Commands_SharedSource_MaxOfZones()
    {
        var commands = SourceAggregator.Commands(
            [Demand("living", 0.8, 21, "miner"), Demand("office", 0.2, 20, "miner")], [Miner], SourceAggregation.Max, null, AtCycleStart);
        var command = Assert.Single(commands);
        // 80 % of 3000 W = 2400 W: a cycle opens at the upper of the two bracketing levels.
        Assert.Equal(3000, command.PowerWatts);
        Assert.Equal("max of living 80%, office 20%", command.Reason);
    }

    [Fact]
    public void Commands_PlannedPowers_TakeTheLargerOfPlanAndThermostatAndStayOnLevels()
    {
        var planned = new ZoneDemand("living", 1, 21, ["miner"], new Dictionary<string, double> { ["miner"] = 1000 });
        var commands = SourceAggregator.Commands([planned, Demand("office", 0.5, 20, "miner")], [Miner], SourceAggregation.Max, null, AtCycleStart);
        Assert.Equal(2000, commands[0].PowerWatts);
        Assert.Equal("max of living plan miner 1000 W, office 50%", commands[0].Reason);

        // Two plans summed land on a level the stepped source has, never above its top.
        var both = SourceAggregator.Commands(
            [planned, planned with { ZoneId = "office", SourceWatts = new Dictionary<string, double> { ["miner"] = 2600 } }],
            [Miner], SourceAggregation.Sum, null, AtCycleStart);
        Assert.Equal(3000, both[0].PowerWatts);
    }

    [Fact]
    public void Commands_PlannedPowerOfAModulatingSource_IsKeptWithinItsRange_AndTheNightCapStillApplies()
    {
        var pump = new HeatSourceOptions { Id = "pump", Entity = "number.pump", PowerLevels = [0, 2400, 8000], Modulating = true };
        var demand = new ZoneDemand("living", 1, 21, ["pump", "miner"], new Dictionary<string, double> { ["pump"] = 3700, ["miner"] = 3000 });
        var commands = SourceAggregator.Commands([demand], [pump, Miner], SourceAggregation.Max, nightCap: 1000, deliver: AtCycleStart);
        Assert.Equal(3700, commands[0].PowerWatts);
        Assert.Equal(1000, commands[1].PowerWatts);
    }

    [Fact]
    public void Commands_ZonesSharingAHydronicSource_GetTheWarmestPlannedFlow_AndNoneWhenItIsOff()
    {
        var pump = new HeatSourceOptions { Id = "pump", Entity = "number.pump", PowerLevels = [0, 2400, 8000], Modulating = true, Hydronic = true };
        ZoneDemand Planned(string zone, double watts, double? flow) => new(zone, 1, 21, ["pump"],
            new Dictionary<string, double> { ["pump"] = watts }, flow is { } f ? new Dictionary<string, double> { ["pump"] = f } : null);

        var shared = SourceAggregator.Commands([Planned("living", 3000, 34), Planned("office", 2400, 41)], [pump], SourceAggregation.Max, null, AtCycleStart);
        Assert.Equal(41, shared[0].FlowTemperature);

        var off = SourceAggregator.Commands([Planned("living", 0, null)], [pump], SourceAggregation.Max, null, AtCycleStart);
        Assert.Null(off[0].FlowTemperature);
    }

    [Fact]
    public void Commands_SharedSource_SumCappedAtFull()
    {
        var half = SourceAggregator.Commands(
            [Demand("a", 0.3, 21, "miner"), Demand("b", 0.3, 21, "miner")], [Miner], SourceAggregation.Sum, null, AtCycleStart);
        Assert.Equal(2000, half[0].PowerWatts);
        var max = SourceAggregator.Commands(
            [Demand("a", 0.3, 21, "miner"), Demand("b", 0.3, 21, "miner")], [Miner], SourceAggregation.Max, null, AtCycleStart);
        Assert.Equal(1000, max[0].PowerWatts);
        var full = SourceAggregator.Commands(
            [Demand("a", 0.9, 21, "miner"), Demand("b", 0.9, 21, "miner")], [Miner], SourceAggregation.Sum, null, AtCycleStart);
        Assert.Equal(3000, full[0].PowerWatts);
    }

    [Fact]
    public void Commands_NightCap_OnlyMiners()
    {
        var commands = SourceAggregator.Commands(
            [Demand("living", 1, 21, "miner", "pump")], [Miner, Pump], SourceAggregation.Max, nightCap: 1000, deliver: AtCycleStart);
        Assert.Equal(1000, commands[0].PowerWatts);
        Assert.EndsWith("night limit 1000 W", commands[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2500, commands[1].PowerWatts);
    }

    [Fact]
    public void Commands_SourceLimit_Bounds()
    {
        var limited = new HeatSourceOptions { Id = "miner", Entity = "number.x", PowerLevels = [0, 1000, 2000, 3000], MaxWatts = 2200 };
        var commands = SourceAggregator.Commands([Demand("z", 1, 21, "miner")], [limited], SourceAggregation.Max, null, AtCycleStart);
        Assert.Equal(2000, commands[0].PowerWatts);
        Assert.EndsWith("limit 2200 W", commands[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_ClimateSetpoint_WarmestDemandingZone()
    {
        var commands = SourceAggregator.Commands(
            [Demand("a", 0.6, 21, "pump"), Demand("b", 0.0, 23, "pump"), Demand("c", 0.5, 19, "pump")], [Pump], SourceAggregation.Max, null, AtCycleStart);
        Assert.Equal(21, commands[0].TargetTemperature);
    }

    [Fact]
    public void Commands_SourceWithoutZones_Off()
    {
        var commands = SourceAggregator.Commands([Demand("a", 1, 21, "pump")], [Miner, Pump], SourceAggregation.Max, null, AtCycleStart);
        Assert.Equal(0, commands[0].PowerWatts);
        Assert.Equal("no zone", commands[0].Reason);
        Assert.Null(commands[0].TargetTemperature);
    }

    [Fact]
    public void Commands_NeverAboveLimits_ForAnyFractions()
    {
        var limited = new HeatSourceOptions { Id = "miner", Entity = "number.x", PowerLevels = [0, 700, 1400, 2100, 3200], MaxWatts = 2500, Miner = true };
        for (var a = 0.0; a <= 1.0; a += 0.05)
        {
            for (var b = 0.0; b <= 1.0; b += 0.1)
            {
                foreach (var aggregation in Enum.GetValues<SourceAggregation>())
                {
                    var watts = SourceAggregator.Commands([Demand("a", a, 21, "miner"), Demand("b", b, 21, "miner")], [limited], aggregation, 1500, AtCycleStart)[0].PowerWatts;
                    Assert.InRange(watts, 0, 1500);
                    Assert.Contains(watts, limited.PowerLevels);
                }
            }
        }
    }
}
