using System.Reactive.Subjects;
using ProofOfHeat.Apps.Heating.Entities;

namespace ProofOfHeat.Apps.Heating.Tests;

/// <summary>An <see cref="IHeatingEntities"/> that records what is published and lets a test send HA's commands.</summary>
internal sealed class FakeHeatingEntities : IHeatingEntities
{
    private readonly Subject<HeatingEntityCommand> _commands = new();

    public IObservable<HeatingEntityCommand> Commands => _commands;

    public Dictionary<string, ZoneStatus> Zones { get; } = new(StringComparer.Ordinal);

    public (string Active, IReadOnlyList<string> Names)? Profiles { get; private set; }

    public void Send(HeatingEntityCommand command) => _commands.OnNext(command);

    public void PublishZone(ZoneStatus status) => Zones[status.ZoneId] = status;

    public void PublishProfiles(string active, IReadOnlyList<string> names) => Profiles = (active, names);
}
