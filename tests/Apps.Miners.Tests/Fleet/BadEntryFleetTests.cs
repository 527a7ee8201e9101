using Microsoft.Extensions.Logging;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Apps.Miners.Thermal;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Drivers.Miners.Avalon;
using ProofOfHeat.Sim.Miners.Avalon;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Miners.Tests.Fleet;

/// <summary>
/// Issue 10: one typo in one miner entry disabled the whole fleet, its overheat protection included. Now each bad
/// entry (the four: a host with a port, an upper-case id, an unknown family, a port out of range; and an id
/// used twice) disables only its miner, with its reason logged once; a good miner beside them, on a real socket to
/// the Avalon simulator, is polled and protected.
/// </summary>
public sealed class BadEntryFleetTests
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
    public async Task BadEntries_DisableOnlyTheirMiners_TheGoodOneIsPolledAndItsOverheatActs()
    {
        var clock = new FakeTimeProvider();
        await using var miner = new AvalonSimulator(clock);
        var where = await miner.StartAsync(CancellationToken.None);
        var good = new FleetMinerOptions { Id = "nano", Family = MinerFamilies.Avalon, Host = where.Host, RpcPort = where.RpcPort, HttpPort = where.HttpPort };
        var options = new MinerFleetOptions
        {
            Miners =
            [
                new FleetMinerOptions { Id = "colon", Family = MinerFamilies.Avalon, Host = "127.0.0.1:1" },
                new FleetMinerOptions { Id = "Office", Family = MinerFamilies.Avalon, Host = "10.0.0.9" },
                good,
                new FleetMinerOptions { Id = "typo", Family = "nosuch", Host = "10.0.0.7" },
                new FleetMinerOptions { Id = "port", Family = MinerFamilies.Avalon, Host = "10.0.0.8", HttpPort = 99999 },
                new FleetMinerOptions { Id = "nano", Family = MinerFamilies.Avalon, Host = "10.0.0.10" },
            ],
        };
        using var logs = new CapturingLoggerProvider();
        var context = new MinerDriverContext(TimeProvider.System, Fast, logs.CreateFactory());
        await using var fleet = new MinerFleet(options, new MinerDriverCatalog([new AvalonDriverFactory()]), context, logs.CreateFactory().CreateLogger<MinerFleet>());
        var alerts = new List<MinerAlert>();
        using var subscription = fleet.Alerts.Subscribe(alerts.Add);

        Assert.Equal(["nano"], fleet.MinerIds);
        Assert.Equal(["colon", "Office", "typo", "port", "nano"], fleet.DisabledMiners.Select(d => d.Id));
        Assert.Contains("not a host name", fleet.DisabledMiners[0].Reason, StringComparison.Ordinal);
        Assert.Contains("lower-case", fleet.DisabledMiners[1].Reason, StringComparison.Ordinal);
        Assert.Contains("family 'nosuch'", fleet.DisabledMiners[2].Reason, StringComparison.Ordinal);
        Assert.Contains("http_port 99999", fleet.DisabledMiners[3].Reason, StringComparison.Ordinal);
        Assert.Contains("used twice", fleet.DisabledMiners[4].Reason, StringComparison.Ordinal);
        // Logged once each, at construction.
        Assert.Equal(5, logs.Lines.Count(e => e.Message.Contains("not run, its entry cannot work", StringComparison.Ordinal)));

        clock.Advance(TimeSpan.FromMinutes(2));
        var healthy = await fleet.PollAsync("nano", CancellationToken.None);
        Assert.True(healthy.Available);
        Assert.Equal(MinerThermalLevel.Normal, healthy.Thermal.Level);

        // A hot room: the chips climb past the sleep limit, and protection acts on the good miner.
        miner.Hardware.IntakeTemperature = 90;
        clock.Advance(TimeSpan.FromHours(1));
        var hot = await fleet.PollAsync("nano", CancellationToken.None);

        Assert.True(hot.Reading!.MaximumTemperature > options.Overheat.SleepAt, $"chips at {hot.Reading.MaximumTemperature} °C");
        Assert.NotEqual(MinerThermalLevel.Normal, hot.Thermal.Level);
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.Equal("nano", a.MinerId));
    }

    [Fact]
    public async Task DisabledMiner_WithAUsableId_ShowsUnavailable_AndItsCommandsAreRefusedAlone()
    {
        await using var harness = FleetHarness.Create([("m1", FakeMinerFamily.Continuous, FakeMinerFamily.Id)],
            o => o.Miners = [.. o.Miners, new FleetMinerOptions { Id = "m2", Family = FakeMinerFamily.Id, Host = "m2", RpcPort = 0 }]);

        harness.StartApp();

        Assert.Equal(["m1"], harness.Fleet.MinerIds);
        Assert.False(harness.Entities.Last("m2").Snapshot.Available);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => harness.RequestAsync(MinerCommand.Sleep, "m2"));
        harness.Time.Advance(harness.Options.PollInterval * 2);
        Assert.True(harness.Drivers["m1"].Reads > 0);
    }
}
