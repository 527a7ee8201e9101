using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.HeatSources;

/// <summary>
/// Lets the heating app drive miners through the fleet (heat sources of kind <c>fleet</c>, whose
/// <c>entity</c> is the miner's id): every command passes the miner's dwell guard, so the heating
/// cannot flap a miner however often it decides.
/// </summary>
/// <param name="fleet">The fleet whose miners the heating may command.</param>
public sealed class FleetHeatSourceCommanderFactory(IMinerFleet fleet) : IHeatSourceCommanderFactory
{
    /// <inheritdoc />
    public IHeatSourceCommander? TryCreate(HeatSourceOptions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind == HeatSourceKind.Fleet && fleet.MinerIds.Contains(source.Entity, StringComparer.Ordinal)
            ? new FleetCommander(fleet, source.Id, source.Entity)
            : null;
    }

    private sealed class FleetCommander(IMinerFleet fleet, string sourceId, string minerId) : IHeatSourceCommander, IHeatSourceReadback
    {
        public string SourceId => sourceId;

        public double? DeliveredWatts => fleet.GetSnapshot(minerId).Reading switch
        {
            { Status: MinerStatus.Sleeping } => 0,
            { Status: MinerStatus.Mining or MinerStatus.Starting, PowerWatts: { } watts } => watts,
            _ => null,
        };

        public async Task CommandAsync(HeatSourceCommand command, CancellationToken cancellationToken)
        {
            var wanted = command.PowerWatts > 0 ? MinerCommand.SetPower(command.PowerWatts) : MinerCommand.Sleep;
            var outcome = await fleet.RequestAsync(minerId, wanted, "heating", command.Reason, cancellationToken).ConfigureAwait(false);
            if (outcome.Error is { } error)
            {
                throw new InvalidOperationException($"Miner {minerId} refused {wanted}: {error}");
            }
        }
    }
}
