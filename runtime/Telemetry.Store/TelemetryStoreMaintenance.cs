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
            RunOnce();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass: prune, then checkpoint; returns the rows deleted, or -1 when the pass failed (logged).</summary>
    internal long RunOnce()
    {
        try
        {
            var deleted = store.Prune();
            store.Checkpoint();
            LogPruned(logger, deleted);
            return deleted;
        }
        catch (TelemetryStoreException ex)
        {
            LogPruneFailed(logger, ex);
            return -1;
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Telemetry store pruned: {Rows} rows past retention deleted")]
    private static partial void LogPruned(ILogger logger, long rows);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Telemetry store retention failed; the next pass retries")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
