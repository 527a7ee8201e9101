using ProofOfHeat.Bench.Throughput;

namespace ProofOfHeat.Bench.Apps;

/// <summary>Shared with the benchmark apps through DI: each app counts what it consumed on its own counter.</summary>
public sealed class PipelineProbe
{
    /// <summary>Counter of <see cref="AllChangesApp"/>.</summary>
    public const int AllChanges = 0;

    /// <summary>Counter of <see cref="SensorStatsApp"/>.</summary>
    public const int SensorStats = 1;

    /// <summary>Counter of <see cref="ClimateWatcherApp"/> (it sees one entity only).</summary>
    public const int Climate = 2;

    internal ConsumptionGate Gate { get; } = new(3);

    /// <summary>Records one change consumed by the app owning <paramref name="counter"/>.</summary>
    public void Consumed(int counter) => Gate.Add(counter);
}
