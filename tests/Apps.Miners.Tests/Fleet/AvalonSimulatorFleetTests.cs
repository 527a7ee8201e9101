using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Drivers.Miners.Avalon;
using ProofOfHeat.Sim.Miners.Avalon;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Miners.Tests.Fleet;

/// <summary>
/// The fleet over a real driver against its protocol simulator: the simulator's physics run on fake time, the driver
/// and the fleet on real time with short bounds (sockets are real; no test waits out a dwell time, it only reads the
/// guard's decisions and what reached the simulator).
/// </summary>
public sealed class AvalonSimulatorFleetTests
{
    private static readonly MinerTimeouts Fast = new()
    {
        Connect = TimeSpan.FromSeconds(10),
        Reply = TimeSpan.FromSeconds(10),
        Retries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        Verify = TimeSpan.FromMilliseconds(1500),
        VerifyPoll = TimeSpan.FromMilliseconds(20),
    };

    [Fact]
    public async Task Fleet_OverTheAvalonDriver_SendsOnlyWhatTheDwellAllows_AndReadsAnOutageAsUnavailable()
    {
        var clock = new FakeTimeProvider();
        await using var miner = new AvalonSimulator(clock);
        var where = await miner.StartAsync(CancellationToken.None);
        var options = new MinerFleetOptions
        {
            Miners = [new FleetMinerOptions { Id = "nano", Family = MinerFamilies.Avalon, Host = where.Host, RpcPort = where.RpcPort, HttpPort = where.HttpPort }],
        };
        var context = new MinerDriverContext(TimeProvider.System, Fast, NullLoggerFactory.Instance);
        await using var fleet = new MinerFleet(options, new MinerDriverCatalog([new AvalonDriverFactory()]), context, NullLogger<MinerFleet>.Instance);
        clock.Advance(TimeSpan.FromMinutes(2));

        var first = await fleet.PollAsync("nano", CancellationToken.None);
        Assert.True(first.Available);
        Assert.Equal("mid", first.Reading!.Mode);
        Assert.Equal(["low", "mid", "high"], first.Capabilities!.Tiers.Select(t => t.Name));

        var low = await fleet.RequestAsync("nano", MinerCommand.SetTier("low"), "heating", "warm enough", CancellationToken.None);
        var high = await fleet.RequestAsync("nano", MinerCommand.SetTier("high"), "home-assistant", "boost", CancellationToken.None);
        var byWatts = await fleet.RequestAsync("nano", MinerCommand.SetPower(70), "heating", "warm enough", CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, low.Result?.Outcome);
        Assert.Equal(MinerDwellVerdict.Deferred, high.Decision.Verdict);
        Assert.Equal((MinerDwellVerdict.NoOp, "low"), (byWatts.Decision.Verdict, byWatts.Decision.Command.Tier));
        Assert.Equal(0, miner.WorkLevel);
        // An original Nano 3: the driver tries workmode once, learns it is unknown, and takes the work level.
        Assert.Equal(["ascset 0,workmode,set,0", "ascset 0,worklevel,set,0"], miner.Received.Where(r => r.StartsWith("ascset", StringComparison.Ordinal)));

        miner.Hardware.Restart();
        Assert.False((await fleet.PollAsync("nano", CancellationToken.None)).Available);

        clock.Advance(miner.Hardware.Spec.RestartDuration + miner.Hardware.Spec.WarmUpDuration + TimeSpan.FromMinutes(1));
        var back = await fleet.PollAsync("nano", CancellationToken.None);
        Assert.True(back.Available);
        Assert.Equal(2, miner.CountOf("ascset"));
    }
}
