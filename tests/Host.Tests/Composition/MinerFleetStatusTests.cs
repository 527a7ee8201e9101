using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Host.Composition;
using ProofOfHeat.Host.Miners;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Composition;

/// <summary>Issue 10: a miner disabled by a bad entry is named with its reason in <c>/api/status</c>'s <c>miners</c> section.</summary>
public sealed class MinerFleetStatusTests
{
    [Fact]
    public async Task Status_ListsRunningMiners_AndDisabledOnesWithTheirReasons()
    {
        var options = new MinerFleetOptions
        {
            Miners =
            [
                new FleetMinerOptions { Id = "den", Family = MinerFamilies.Avalon, Host = "192.0.2.10" },
                new FleetMinerOptions { Id = "office", Family = "nosuch", Host = "192.0.2.11" },
            ],
        };
        var fleet = new MinerFleet(options, new MinerDriverCatalog(MinerDrivers.BuiltIn()), MinerDrivers.CliContext(new FakeTimeProvider()), NullLogger<MinerFleet>.Instance);
        await using var services = new ServiceCollection().AddSingleton(fleet).BuildServiceProvider();

        var status = JsonSerializer.SerializeToElement(new MinerFleetStatusContributor(services).GetStatus());

        Assert.Equal(["den"], status.GetProperty("running").EnumerateArray().Select(e => e.GetString()));
        var disabled = Assert.Single(status.GetProperty("disabled").EnumerateArray());
        Assert.Equal("office", disabled.GetProperty("id").GetString());
        Assert.Contains("nosuch", disabled.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Status_WithoutAFleet_ListsNothing()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var status = JsonSerializer.SerializeToElement(new MinerFleetStatusContributor(services).GetStatus());

        Assert.Equal(0, status.GetProperty("running").GetArrayLength());
        Assert.Equal(0, status.GetProperty("disabled").GetArrayLength());
    }
}
