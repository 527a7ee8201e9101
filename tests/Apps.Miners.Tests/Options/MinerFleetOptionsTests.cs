using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Miners.Tests.Options;

public sealed class MinerFleetOptionsTests
{
    [Fact]
    public void Defaults_FollowTheResearchGuidance()
    {
        var options = new MinerFleetOptions();

        Assert.Equal(TimeSpan.FromSeconds(10), options.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Dwell.MinimumOn);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Dwell.MinimumOff);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Dwell.PowerChangeInterval);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Dwell.TunedPowerChangeInterval);
        Assert.Equal(TimeSpan.FromMinutes(30), options.Dwell.RestartingPowerChangeInterval);
        Assert.Equal((85.0, 95.0), (options.Overheat.ThrottleAt, options.Overheat.SleepAt));
        options.Validate();
    }

    [Theory]
    [InlineData("Bad Id", "antminer-stock", "10.0.0.2")]
    [InlineData("m1", "", "10.0.0.2")]
    [InlineData("m1", "antminer-stock", "")]
    [InlineData("m1", "antminer-stock", "10.0.0.2:80")]
    public void FindMinerProblems_BrokenMiner_IsAProblemOfThatEntry_NotOfTheFleet(string id, string family, string host)
    {
        var options = new MinerFleetOptions { Miners = [new FleetMinerOptions { Id = id, Family = family, Host = host }] };

        // The fleet-wide check passes (the loader would otherwise refuse the whole config at run time) ...
        options.Validate();
        // ... and the entry's mistake is named, so the fleet disables that miner alone and check-config reports it.
        Assert.Single(options.FindMinerProblems());
    }

    [Fact]
    public void FindMinerProblems_DuplicateIds_NamesTheSecond()
    {
        var first = new FleetMinerOptions { Id = "m1", Family = "avalon", Host = "10.0.0.2" };
        var second = new FleetMinerOptions { Id = "m1", Family = "avalon", Host = "10.0.0.3" };

        var problem = Assert.Single(new MinerFleetOptions { Miners = [first, second] }.FindMinerProblems());

        Assert.Same(second, problem.Miner);
        Assert.Contains("twice", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEndpoint_KeepsDefaultPortsUnlessSet()
    {
        var miner = new FleetMinerOptions { Id = "m1", Family = "avalon", Host = "10.0.0.2", RpcPort = 14028, Password = "pw" };

        var endpoint = miner.ToEndpoint();

        Assert.Equal((80, 14028, 4433, "pw"), (endpoint.HttpPort, endpoint.RpcPort, endpoint.WhatsminerV3Port, endpoint.Password));
        Assert.DoesNotContain("pw", endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMinerFleet_BuildsOneFleetFromTheAppsOptions()
    {
        var options = new MinerFleetOptions { Miners = [new FleetMinerOptions { Id = "m1", Family = FakeMinerFamily.Id, Host = "m1" }] };
        var time = new FakeTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<IAppOptionsProvider>(new FixedOptions(options))
            .AddSingleton(new MinerDriverCatalog([new FakeMinerFamily(_ => new CountingMinerDriver(time, FakeMinerFamily.Continuous))]))
            .AddMinerFleet();
        await using var provider = services.BuildServiceProvider();

        var fleet = provider.GetRequiredService<IMinerFleet>();

        Assert.Same(provider.GetRequiredService<MinerFleet>(), fleet);
        Assert.Equal(["m1"], fleet.MinerIds);
    }

    private sealed class FixedOptions(MinerFleetOptions options) : IAppOptionsProvider
    {
        public object GetOptions(string appId, Type optionsType) =>
            appId == MinerFleetApp.AppId ? options : throw new KeyNotFoundException(appId);
    }
}
