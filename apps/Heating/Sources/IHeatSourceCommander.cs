namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// Carries commands to one heat source: HA services (<see cref="HaServiceHeatSourceCommander"/>), MQTT devices or
/// the miner fleet app (which keeps its own dwell times). The heating app decides; a commander only delivers.
/// </summary>
public interface IHeatSourceCommander
{
    /// <summary>The source it drives.</summary>
    string SourceId { get; }

    /// <summary>Delivers <paramref name="command"/>; throws when the source refused it or could not be reached.</summary>
    Task CommandAsync(HeatSourceCommand command, CancellationToken cancellationToken);
}
