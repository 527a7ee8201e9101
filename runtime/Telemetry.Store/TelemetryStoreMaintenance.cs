using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProofOfHeat.Telemetry.Store;

/// <summary>
/// Keeps the store within its retention: every <see cref="TelemetryStoreOptions.PruneInterval"/> (on the injected
/// clock) deletes what each tier no longer keeps, then checkpoints the write-ahead log so the file does not grow
/// behind it. A failed pass is logged and the next one tries again: the brain does not stop for its telemetry.
/// </summary>
public sealed partial class TelemetryStoreMaintenance(TelemetryStore store, TimeProvider time, ILogger<TelemetryStoreMaintenance> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(store.Options.PruneInterval, time);
        do
        {
            try
            {
                var deleted = store.Prune();
                store.Checkpoint();
                LogPruned(logger, deleted);
            }
            catch (TelemetryStoreException ex)
            {
                LogPruneFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Telemetry store pruned: {Rows} rows past retention deleted")]
    private static partial void LogPruned(ILogger logger, long rows);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Telemetry store retention failed; the next pass retries")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
