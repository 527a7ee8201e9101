using ProofOfHeat.Telemetry;

namespace ProofOfHeat.Host.Telemetry;

/// <summary>
/// Opens the telemetry pipeline when the host starts (so that points an earlier run left in the outbox are delivered
/// even before anything new is recorded) and closes it when the host stops: what is queued is written to the outbox,
/// the deliveries stop where their sinks acknowledged.
/// </summary>
internal sealed class TelemetryPipelineService(TelemetryPipeline pipeline) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await pipeline.DisposeAsync();
}
