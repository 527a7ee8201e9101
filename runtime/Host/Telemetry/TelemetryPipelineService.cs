using ProofOfHeat.Telemetry;
using ProofOfHeat.Telemetry.Recording;

namespace ProofOfHeat.Host.Telemetry;

/// <summary>
/// Opens the telemetry pipeline when the host starts (so that points an earlier run left in the outbox are delivered
/// even before anything new is recorded) and closes it when the host stops: the points the throttle still holds are
/// recorded, what is queued is written to the outbox, the deliveries stop where their sinks acknowledged.
/// </summary>
internal sealed class TelemetryPipelineService(TelemetryPipeline pipeline, ThrottlingTelemetryRecorder throttle) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        throttle.Dispose();
        await pipeline.DisposeAsync();
    }
}
