namespace ProofOfHeat.Notify.Alerts;

/// <summary>
/// At most N notifications per alert key in a sliding window, counted across resolve and raise again: a sensor
/// that flaps between wet and dry tells people a few times, then stays in HA's records only. Not thread-safe; the
/// alert service calls it under its lock.
/// </summary>
internal sealed class NotificationRateLimiter(int maxPerWindow, TimeSpan window)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);

    /// <summary>Whether a notification for <paramref name="key"/> may go at <paramref name="now"/>; counts it when it may.</summary>
    public bool TryTake(string key, DateTimeOffset now)
    {
        if (!_sent.TryGetValue(key, out var times))
        {
            _sent[key] = times = new Queue<DateTimeOffset>();
        }

        while (times.Count > 0 && now - times.Peek() >= window)
        {
            times.Dequeue();
        }

        if (times.Count >= maxPerWindow)
        {
            return false;
        }

        times.Enqueue(now);
        return true;
    }
}
