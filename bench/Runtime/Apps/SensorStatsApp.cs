using System.Reactive.Linq;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.Bench.Apps;

/// <summary>
/// Does what a typical app does with each change: filters by domain with Rx, parses the state as a
/// number and reads an attribute, and keeps a running mean.
/// </summary>
[HomeApp(Id = "bench_sensor_stats")]
public sealed class SensorStatsApp : IDisposable
{
    private readonly IDisposable _subscription;
    private double _sum;
    private long _readings;

    /// <summary>Subscribes to every change and aggregates the sensors.</summary>
    public SensorStatsApp(IHaContext context, PipelineProbe probe)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(probe);
        _subscription = context.StateAllChanges()
            .Do(_ => probe.Consumed(PipelineProbe.SensorStats))
            .Where(change => change.EntityId.StartsWith("sensor.", StringComparison.Ordinal) && change.New is not null)
            .Subscribe(change => Aggregate(change.New!));
    }

    /// <summary>The running mean of numeric sensor states.</summary>
    public double Mean => _readings == 0 ? double.NaN : _sum / _readings;

    /// <inheritdoc />
    public void Dispose() => _subscription.Dispose();

    private void Aggregate(EntityState state)
    {
        if (state.AsNumber() is { } value && state.Attribute("unit_of_measurement") is not null)
        {
            _sum += value;
            _readings++;
        }
    }
}
