using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Fleet;

public sealed class MinersChatCommandTests
{
    [Fact]
    public async Task Miners_lists_each_miner_with_state_power_hashrate_and_temperature()
    {
        var fleet = new SnapshotFleet(
            new MinerSnapshot
            {
                Id = "s19", Name = "Basement S19", Family = "antminer", IsOn = true,
                Reading = new MinerReading { At = DateTimeOffset.UnixEpoch, Status = MinerStatus.Mining, PowerWatts = 3250, HashrateTerahash = 95.44, BoardTemperatures = [61, 67.4] },
            },
            new MinerSnapshot
            {
                Id = "a1246", Name = "Attic Avalon", Family = "avalon",
                Reading = MinerReading.Unreachable(DateTimeOffset.UnixEpoch, "timeout"),
            });
        var command = new MinersChatCommand(fleet);

        var reply = await command.ExecuteAsync(new ChatRequest(1, "telegram:1", ChatRole.Guest, string.Empty, "en"), CancellationToken.None);

        Assert.False(command.Acts);
        Assert.Equal("Basement S19: on, 3250 W, 95.4 TH/s, 67 °C\nAttic Avalon: unreachable, 0 W, 0 TH/s, ? °C", reply.Text);
    }

    private sealed class SnapshotFleet(params MinerSnapshot[] snapshots) : IMinerFleet
    {
        public IReadOnlyList<string> MinerIds => [.. snapshots.Select(s => s.Id)];

        public IObservable<MinerAlert> Alerts => throw new NotSupportedException();

        public IObservable<MinerSnapshot> Updates => throw new NotSupportedException();

        public MinerSnapshot GetSnapshot(string minerId) => snapshots.Single(s => s.Id == minerId);

        public Task<MinerRequestOutcome> RequestAsync(string minerId, MinerCommand command, string requestedBy, string reason, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<MinerRequestOutcome?> SetPowerCapAsync(string minerId, int? watts, string requestedBy, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
