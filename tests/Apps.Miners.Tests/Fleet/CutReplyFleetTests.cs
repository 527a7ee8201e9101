using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Thermal;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Drivers.Miners.Avalon;
using ProofOfHeat.Sim.Miners.Avalon;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Miners.Tests.Fleet;

/// <summary>
/// Issue 10: a miner whose replies are cut off half-way is reported (not read as a valid reading without temperatures),
/// and overheat protection, blind to it, throttles it and then alerts. Real sockets against the Avalon simulator.
/// </summary>
public sealed class CutReplyFleetTests
{
    private static readonly MinerTimeouts Fast = new()
    {
        Connect = TimeSpan.FromSeconds(10),
        Reply = TimeSpan.FromSeconds(10),
        Retries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        Verify = TimeSpan.FromMilliseconds(500),
        VerifyPoll = TimeSpan.FromMilliseconds(20),
    };

    [Fact]
    public async Task CutReplies_AreReported_AndProtectionThrottlesThenAlerts()
    {
        var clock = new FakeTimeProvider();
        await using var miner = new AvalonSimulator(clock);
        var where = await miner.StartAsync(CancellationToken.None);
        var options = new MinerFleetOptions
        {
            Miners = [new FleetMinerOptions { Id = "nano", Family = MinerFamilies.Avalon, Host = where.Host, RpcPort = where.RpcPort, HttpPort = where.HttpPort }],
            // Zero, so the second blind poll alerts; the policy's tests cover the limit's length on fake time.
            Overheat = new MinerOverheatOptions { UnknownTemperatureAlertAfter = TimeSpan.Zero },
        };
        var context = new MinerDriverContext(TimeProvider.System, Fast, NullLoggerFactory.Instance);
        await using var fleet = new MinerFleet(options, new MinerDriverCatalog([new AvalonDriverFactory()]), context, NullLogger<MinerFleet>.Instance);
        var alerts = new List<MinerAlert>();
        using var subscription = fleet.Alerts.Subscribe(alerts.Add);
        clock.Advance(TimeSpan.FromMinutes(2));
        var healthy = await fleet.PollAsync("nano", CancellationToken.None);
        Assert.NotNull(healthy.Reading!.MaximumTemperature);
        Assert.Equal("mid", healthy.Reading.Mode);

        miner.Faults.CutReply = true;
        var blind = await fleet.PollAsync("nano", CancellationToken.None);

        Assert.Equal(MinerStatus.Faulted, blind.Reading!.Status);
        Assert.Contains(blind.Reading.Errors, e => e.StartsWith("bad reply", StringComparison.Ordinal));
        Assert.Equal(MinerThermalLevel.Throttled, blind.Thermal.Level);
        Assert.Equal(MinerAlertKind.Throttled, Assert.Single(alerts).Kind);
        Assert.Contains("temperature unknown", alerts[0].Message, StringComparison.Ordinal);
        // Throttled one tier down (mid → low); the driver cannot deliver it while every reply is cut, so it stays asked.
        Assert.Equal(healthy.Capabilities!.Tiers.Single(t => t.Name == "low").Watts, blind.Thermal.CapWatts);

        var still = await fleet.PollAsync("nano", CancellationToken.None);
        Assert.Equal([MinerAlertKind.Throttled, MinerAlertKind.TemperatureUnknown], alerts.Select(a => a.Kind));
        Assert.True(still.Thermal.UnknownAlerted);

        // Once per spell: a third blind poll raises nothing new.
        await fleet.PollAsync("nano", CancellationToken.None);
        Assert.Equal(2, alerts.Count);
    }
}
