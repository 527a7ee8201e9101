using System.Reactive.Subjects;
using ProofOfHeat.Apps.Miners.Entities;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Fakes;

/// <summary>Records what the app shows and lets a test send entity commands.</summary>
internal sealed class FakeMinerEntities : IMinerEntities
{
    private readonly Subject<MinerEntityCommand> _commands = new();

    public IObservable<MinerEntityCommand> Commands => _commands;

    public Dictionary<string, MinerCapabilities> Shaped { get; } = [];

    public List<(MinerSnapshot Snapshot, double? Revenue)> Published { get; } = [];

    public (MinerSnapshot Snapshot, double? Revenue) Last(string minerId) => Published.Last(p => p.Snapshot.Id == minerId);

    public void Send(MinerEntityCommand command) => _commands.OnNext(command);

    public void PublishCapabilities(string minerId, MinerCapabilities capabilities) => Shaped[minerId] = capabilities;

    public void Publish(MinerSnapshot snapshot, double? revenuePerHour) => Published.Add((snapshot, revenuePerHour));
}
