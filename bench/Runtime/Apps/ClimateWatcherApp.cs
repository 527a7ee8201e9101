using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Bench.Frames;

namespace ProofOfHeat.Bench.Apps;

/// <summary>Watches one thermostat through an <see cref="Entity"/> observable (filtered to that entity).</summary>
[HomeApp(Id = "bench_climate_watcher")]
public sealed class ClimateWatcherApp : IDisposable
{
    private readonly IDisposable _subscription;

    /// <summary>Subscribes to the watched thermostat.</summary>
    public ClimateWatcherApp(IHaContext context, PipelineProbe probe)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(probe);
        var thermostat = context.Entity(StateChangedFrames.WatchedClimate);
        _subscription = thermostat.StateAllChanges().Subscribe(change =>
        {
            CurrentTemperature = change.New?.NumericAttribute("current_temperature");
            probe.Consumed(PipelineProbe.Climate);
        });
    }

    /// <summary>The thermostat's last reported room temperature.</summary>
    public double? CurrentTemperature { get; private set; }

    /// <inheritdoc />
    public void Dispose() => _subscription.Dispose();
}
