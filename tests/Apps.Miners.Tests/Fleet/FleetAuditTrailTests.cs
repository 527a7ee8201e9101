using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Miners.Tests.Fleet;

/// <summary>Issue 11 item 3: the fleet's audit joins the trail — every command sent and every request held back, with who, why and the correlation id.</summary>
public sealed class FleetAuditTrailTests
{
    [Fact]
    public async Task Requests_SentAndDeferred_AreInTheTrail_WithTheirCorrelationIds()
    {
        var time = new FakeTimeProvider();
        var driver = new CountingMinerDriver(time, FakeMinerFamily.Continuous, FakeMinerFamily.Id) { IsOn = false };
        var trail = new RecordingTrail();
        var options = new MinerFleetOptions { Miners = [new FleetMinerOptions { Id = "m1", Family = FakeMinerFamily.Id, Host = "m1" }] };
        await using var fleet = new MinerFleet(
            options, new MinerDriverCatalog([new FakeMinerFamily(_ => driver)]), new MinerDriverContext(time, new MinerTimeouts(), NullLoggerFactory.Instance),
            NullLogger<MinerFleet>.Instance, trail);
        await fleet.PollAsync("m1", CancellationToken.None);

        var sent = await fleet.RequestAsync("m1", MinerCommand.SetPower(3000), "heating", "living room cold", CancellationToken.None);
        var deferred = await fleet.RequestAsync("m1", MinerCommand.Sleep, "home-assistant", "switched off in HA", CancellationToken.None);

        Assert.Collection(trail.Entries,
            first =>
            {
                Assert.Equal(("heating", "miner_command", "m1", "living room cold", sent.CorrelationId), (first.Actor, first.Action, first.Target, first.Reason, first.CorrelationId));
                Assert.StartsWith("sent: applied", first.Result, StringComparison.Ordinal);
            },
            second =>
            {
                Assert.Equal(("home-assistant", deferred.CorrelationId), (second.Actor, second.CorrelationId));
                Assert.StartsWith("deferred: ", second.Result, StringComparison.Ordinal);
            });
    }

    private sealed class RecordingTrail : IAuditTrail
    {
        public List<AuditEntry> Entries { get; } = [];

        public void Record(AuditEntry entry) => Entries.Add(entry);
    }
}
