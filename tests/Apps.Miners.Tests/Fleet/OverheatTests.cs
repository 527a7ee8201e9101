using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Apps.Miners.Thermal;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Fleet;

public sealed class OverheatTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Overheating_ThrottlesThenSleeps_WithAlerts_ThenRecovers()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];

        driver.Temperature = 86;
        harness.Time.Advance(Poll);
        Assert.Equal(2500, driver.PowerLimit);

        // Another app asks for full power while throttled: the cap holds it down.
        var full = await harness.Fleet.RequestAsync("m1", MinerCommand.SetPower(3000), "heating", "cold living room", CancellationToken.None);
        Assert.Equal(MinerCommand.SetPower(2500), full.Decision.Command);
        Assert.Equal(MinerDwellVerdict.NoOp, full.Decision.Verdict);

        driver.Temperature = 89;
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2000, driver.PowerLimit);

        driver.Temperature = 96;
        harness.Time.Advance(Poll);
        Assert.False(driver.IsOn);
        Assert.Equal(MinerThermalLevel.Sleeping, harness.Fleet.GetSnapshot("m1").Thermal.Level);

        // While it cools, a wake from HA is held.
        var wake = await harness.Fleet.RequestAsync("m1", MinerCommand.Wake, "home-assistant", "switch on", CancellationToken.None);
        Assert.Equal(MinerDwellVerdict.NoOp, wake.Decision.Verdict);
        Assert.False(driver.IsOn);

        driver.Temperature = 70;
        harness.Time.Advance(Poll);
        Assert.Equal(MinerThermalLevel.Normal, harness.Fleet.GetSnapshot("m1").Thermal.Level);
        Assert.False(driver.IsOn);

        // The restored wish (the latest: wake) waits for the minimum off-time, then runs.
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(driver.IsOn);
        Assert.Equal(3000, driver.PowerLimit);

        Assert.Equal(
            [MinerAlertKind.Throttled, MinerAlertKind.Throttled, MinerAlertKind.Slept, MinerAlertKind.Recovered],
            harness.Alerts.Select(a => a.Kind));
        Assert.Equal(96, harness.Alerts[2].Temperature);
        Assert.All(harness.Ha.Calls, c => Assert.Equal(("persistent_notification", "create"), (c.Domain, c.Service)));
        Assert.Equal(4, harness.Ha.Calls.Count);
        Assert.Contains("put to sleep", Message(harness.Ha.Calls[2]), StringComparison.Ordinal);
        Assert.Empty(harness.Scheduler.Failures);
    }

    [Fact]
    public async Task Overheating_JustAfterAWake_SleepsWithoutWaitingForTheMinimumOnTime()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];
        driver.IsOn = false;
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        await harness.RequestAsync(MinerCommand.Wake);
        Assert.True(driver.IsOn);

        driver.Temperature = 97;
        harness.Time.Advance(Poll);

        Assert.False(driver.IsOn);
        Assert.Equal(MinerAlertKind.Slept, harness.Alerts.Single().Kind);
    }

    [Fact]
    public async Task Overheating_TieredMiner_DropsOneTier()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Tiered);
        harness.StartApp();
        var driver = harness.Drivers["m1"];

        driver.Temperature = 88;
        harness.Time.Advance(Poll);

        Assert.Equal("1", driver.Mode);
        Assert.Equal(90, harness.Fleet.GetSnapshot("m1").Thermal.CapWatts);
    }

    [Fact]
    public async Task Throttled_WithNoRequests_GetsTheFirstSeenTargetBackWhenCool()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.StartApp();
        var driver = harness.Drivers["m1"];
        driver.Temperature = 86;
        harness.Time.Advance(Poll);
        Assert.Equal(2500, driver.PowerLimit);

        driver.Temperature = 74;
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(3000, driver.PowerLimit);
        Assert.Equal(MinerAlertKind.Recovered, harness.Alerts[^1].Kind);
    }

    [Fact]
    public async Task Alerts_WithoutAnAlertService_CallNothingInHa()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous, configure: o => o.AlertService = string.Empty);
        harness.StartApp();

        harness.Drivers["m1"].Temperature = 99;
        harness.Time.Advance(Poll);

        Assert.Single(harness.Alerts);
        Assert.Empty(harness.Ha.Calls);
    }

    private static string Message(ServiceCall call) =>
        ((IReadOnlyDictionary<string, object>)call.Data!)["message"].ToString()!;
}
