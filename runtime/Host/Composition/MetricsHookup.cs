using ProofOfHeat.Telemetry.Store.Metrics;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Makes the host build <see cref="BrainMetrics"/> with its hosted services (all of them are built before any
/// starts), so the metrics subscribe to the MQTT client's connections before its first one. Does nothing else.
/// </summary>
internal sealed class MetricsHookup(BrainMetrics metrics) : IHostedService
{
    /// <summary>The metrics, built.</summary>
    public BrainMetrics Metrics { get; } = metrics;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
