namespace ProofOfHeat.Apps.Safety.Actions;

/// <summary>
/// At most one log line per key per <see cref="Window"/>; the lines in between are counted, and the next line that
/// goes is told how many were left out. The actions themselves (commands, audit, alerts) are never throttled, only
/// their log lines: a sensor flapping 1,000 times a second (the whole-brain bench's stream; a failing contact in life)
/// would otherwise write four lines per flap, and formatting them took most of the app's event thread's CPU in the
/// profile (bench/Mqtt/README.md, issue 11). Thread-safe; one entry per key, and the keys are the rules' own.
/// </summary>
internal sealed class LogThrottle(TimeProvider time)
{
    /// <summary>How long after a logged line the same key's next lines are only counted.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset LoggedAt, int Skipped)> _keys = new(StringComparer.Ordinal);

    /// <summary>Whether a line for <paramref name="key"/> may be logged now; if so, how many were left out before it.</summary>
    public bool TryTake(string key, out int skipped)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_keys.TryGetValue(key, out var last) && now - last.LoggedAt < Window)
            {
                _keys[key] = (last.LoggedAt, last.Skipped + 1);
                skipped = 0;
                return false;
            }

            skipped = last.Skipped;
            _keys[key] = (now, 0);
            return true;
        }
    }
}
