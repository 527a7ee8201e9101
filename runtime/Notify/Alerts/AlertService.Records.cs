using Microsoft.Extensions.Logging;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>
/// Coalescing of record-only deliveries (people are not told: rate-limited, or held by quiet hours). Without it a
/// sensor flapping 1,000 times a second would send HA 1,000 <c>poh_alert</c> events and persistent-notification calls a
/// second, each rendered from its template. The first record change of a key goes at once and opens a window of
/// <see cref="RecordWindow"/>; changes inside the window only replace the held one, and the latest goes when the window
/// closes (which opens the next window if it sent something). So HA's records end in the true state and a key costs
/// at most one record delivery per window; memory is one entry per busy key.
/// </summary>
public sealed partial class AlertService
{
    /// <summary>How often, at most, HA's records of one flapping key are updated after its first change.</summary>
    public static readonly TimeSpan RecordWindow = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, HeldRecord> _records = new(StringComparer.Ordinal);
    private long _coalesced;

    /// <summary>Record-only deliveries replaced by a newer one of the same key before they went.</summary>
    public long CoalescedDeliveries => Interlocked.Read(ref _coalesced);

    // Caller holds _gate.
    private void Publish(AlertDelivery delivery)
    {
        var key = delivery.Alert.Key;
        _records.TryGetValue(key, out var window);
        if (delivery.NotifyPeople)
        {
            // People are told now; a held record of the same key is older, so it must not follow and overwrite this.
            if (window?.Latest is not null)
            {
                window.Latest = null;
                Interlocked.Increment(ref _coalesced);
            }

            Enqueue(delivery);
            return;
        }

        if (window is null)
        {
            OpenRecordWindow(key);
            Enqueue(delivery);
            return;
        }

        if (window.Latest is not null)
        {
            Interlocked.Increment(ref _coalesced);
        }

        window.Latest = delivery;
    }

    // Caller holds _gate.
    private void OpenRecordWindow(string key) =>
        _records[key] = new HeldRecord(_time.CreateTimer(_ => CloseRecordWindow(key), null, RecordWindow, Timeout.InfiniteTimeSpan));

    private void CloseRecordWindow(string key)
    {
        lock (_gate)
        {
            if (!_records.Remove(key, out var window))
            {
                return;
            }

            window.Timer.Dispose();
            if (window.Latest is { } latest)
            {
                // Still busy: the latest state goes now, and the next changes wait for the next window.
                OpenRecordWindow(key);
                Enqueue(latest);
            }
        }
    }

    // Caller holds _gate.
    private void StopRecordWindows()
    {
        foreach (var window in _records.Values)
        {
            window.Timer.Dispose();
        }

        _records.Clear();
    }

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "The alert store did not finish its last write within the stop timeout; {Count} alert change(s) not kept")]
    private static partial void LogStopFlushTimedOut(ILogger logger, int count);

    private sealed class HeldRecord(ITimer timer)
    {
        public ITimer Timer { get; } = timer;

        public AlertDelivery? Latest { get; set; }
    }
}
