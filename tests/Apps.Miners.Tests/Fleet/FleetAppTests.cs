using Microsoft.Extensions.Logging;
using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Apps.Miners.Entities;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Fleet;

public sealed class FleetAppTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Poll_PublishesSensorStatesAndRevenue()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous, configure: o => o.Hashprice = 0.048);
        harness.StartApp();

        var (snapshot, revenue) = harness.Entities.Last("m1");

        Assert.True(snapshot.Available);
        Assert.Equal(100, snapshot.Reading!.HashrateTerahash);
        Assert.Equal(3000, snapshot.Reading.PowerWatts);
        Assert.Equal(30, snapshot.Reading.JoulesPerTerahash);
        Assert.Equal(60, snapshot.Reading.MaximumTemperature);
        Assert.Equal(0.2, revenue!.Value, 6);
        Assert.Same(FakeMinerFamily.Continuous, harness.Entities.Shaped["m1"]);
    }

    [Fact]
    public async Task Poll_HashpriceSensor_WinsOverTheConfiguredValue()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous, configure: o =>
        {
            o.Hashprice = 0.048;
            o.HashpriceEntity = "sensor.hashprice";
            o.CurrencyRate = 0.5;
        });
        harness.Ha.SetState("sensor.hashprice", "0.096");
        harness.StartApp();

        Assert.Equal(0.2, harness.Entities.Last("m1").Revenue!.Value, 6);
    }

    [Fact]
    public async Task Poll_EveryInterval_ReadsEachMinerOnce()
    {
        await using var harness = FleetHarness.Create([("a", FakeMinerFamily.Continuous, FakeMinerFamily.Id), ("b", FakeMinerFamily.Tiered, FakeMinerFamily.Id)]);
        harness.StartApp();

        harness.Time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(7, harness.Drivers["a"].Reads);
        Assert.Equal(6, harness.Drivers["b"].Reads);
        Assert.Empty(harness.Scheduler.Failures);
    }

    [Fact]
    public async Task UnreachableMiner_BecomesUnavailable_ThenBack()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];

        driver.Unreachable = true;
        harness.Time.Advance(Poll);
        Assert.False(harness.Entities.Last("m1").Snapshot.Available);

        driver.Unreachable = false;
        harness.Time.Advance(Poll);
        Assert.True(harness.Entities.Last("m1").Snapshot.Available);
    }

    [Fact]
    public async Task UnreachableMiner_OneWarningWhileAway_OneLineWhenBack()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];

        driver.Unreachable = true;
        for (var poll = 0; poll < 5; poll++)
        {
            harness.Time.Advance(Poll);
        }

        driver.Unreachable = false;
        harness.Time.Advance(Poll);

        var fleetLines = harness.Logs.Lines.Where(l => l.Category == typeof(MinerFleet).FullName).ToList();
        var warning = Assert.Single(fleetLines, l => l.Level >= LogLevel.Warning);
        Assert.Equal("Miner m1: cannot be read (no answer); it reads as unavailable until it answers", warning.Message);
        Assert.Equal(4, fleetLines.Count(l => l.Level == LogLevel.Debug && l.Message.StartsWith("Miner m1: still cannot be read", StringComparison.Ordinal)));
        Assert.Single(fleetLines, l => l.Level == LogLevel.Information && l.Message == "Miner m1: answers again");
    }

    [Fact]
    public async Task UnreachableAtStart_LearnsCapabilitiesWhenItAnswers()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Tiered);
        harness.Drivers["m1"].Unreachable = true;
        harness.StartApp();
        Assert.Empty(harness.Entities.Shaped);

        harness.Drivers["m1"].Unreachable = false;
        harness.Time.Advance(Poll);

        Assert.Same(FakeMinerFamily.Tiered, harness.Entities.Shaped["m1"]);
    }

    [Fact]
    public async Task CommandToAnUnreachableMiner_IsRetriedWhenItIsBack()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];
        driver.Unreachable = true;

        var outcome = await harness.RequestAsync(MinerCommand.Sleep);
        Assert.NotNull(outcome.Error);
        Assert.True(driver.IsOn);

        driver.Unreachable = false;
        harness.Time.Advance(Poll);

        Assert.False(driver.IsOn);
    }

    [Fact]
    public async Task EntityCommands_ReachTheGuardAndTheDriver()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];

        harness.Entities.Send(new MinerEntityCommand("m1", MinerEntityCommandKind.Active, On: false));
        Assert.False(driver.IsOn);

        harness.Entities.Send(new MinerEntityCommand("m1", MinerEntityCommandKind.PowerLimit, Watts: 2049));
        Assert.False(driver.IsOn);
        Assert.Equal(MinerCommand.SetPower(2000), harness.Fleet.GetSnapshot("m1").Pending);

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(driver.IsOn);
        Assert.Equal(2000, driver.PowerLimit);
        Assert.Contains(harness.Logs.Lines, l => l.Message.Contains("requested by home-assistant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModeSelect_SetsTheTier()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Tiered);
        harness.StartApp();

        harness.Entities.Send(new MinerEntityCommand("m1", MinerEntityCommandKind.Mode, Mode: "0"));

        Assert.Equal("0", harness.Drivers["m1"].Mode);
    }

    [Fact]
    public async Task PowerCap_LowersARunningMiner_AndLiftingItGivesTheWishBack()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];

        var capped = await harness.Fleet.SetPowerCapAsync("m1", 1550, "heating", CancellationToken.None);
        Assert.Equal(1500, driver.PowerLimit);
        Assert.True(capped!.Sent);

        var lifted = await harness.Fleet.SetPowerCapAsync("m1", null, "heating", CancellationToken.None);
        Assert.Equal(MinerDwellVerdict.Deferred, lifted!.Decision.Verdict);
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(3000, driver.PowerLimit);
    }

    [Fact]
    public async Task AuditLog_SaysWhoWhyAndTheCorrelationId_NeverThePassword()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();

        var outcome = await harness.Fleet.RequestAsync("m1", MinerCommand.SetPower(2000), "heating", "living room warm", CancellationToken.None);

        var sent = Assert.Single(harness.Logs.Lines, l => l.EventId.Id == 5402);
        Assert.Contains("heating", sent.Message, StringComparison.Ordinal);
        Assert.Contains("living room warm", sent.Message, StringComparison.Ordinal);
        Assert.Contains(outcome.CorrelationId, sent.Message, StringComparison.Ordinal);
        Assert.Contains("Applied", sent.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Message.Contains("hunter2", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, sent.Level);
    }

    [Fact]
    public async Task Request_UnknownMiner_Throws()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => harness.RequestAsync(MinerCommand.Sleep, "nope"));
    }
}
