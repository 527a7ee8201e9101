namespace ProofOfHeat.Apps.Alarm.Chat;

/// <summary>
/// Wrong alarm codes per chat user: after <c>limit</c> wrong codes in a row a user's codes are not even tried for the
/// lockout time. The alarm's own lockout (<see cref="Options.AlarmOptions.WrongCodeLimit"/>) counts every source
/// together; this one stops a single chat account (a stolen phone) sooner, and without locking the keypad out for
/// everyone else. Thread-safe.
/// </summary>
public sealed class ChatCodeLimiter(int limit, TimeSpan lockout, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Wrong, DateTimeOffset LockedUntil)> _byActor = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="actor"/>'s codes are still refused, or null when they may try.</summary>
    public TimeSpan? RefusedFor(string actor)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            return _byActor.TryGetValue(actor, out var entry) && entry.LockedUntil > now ? entry.LockedUntil - now : null;
        }
    }

    /// <summary>Counts a wrong code from <paramref name="actor"/>; the <c>limit</c>-th in a row locks them out.</summary>
    /// <returns>Whether the actor is locked out now.</returns>
    public bool Wrong(string actor)
    {
        lock (_gate)
        {
            var wrong = (_byActor.TryGetValue(actor, out var entry) ? entry.Wrong : 0) + 1;
            if (wrong >= limit)
            {
                _byActor[actor] = (0, timeProvider.GetUtcNow() + lockout);
                return true;
            }

            _byActor[actor] = (wrong, DateTimeOffset.MinValue);
            return false;
        }
    }

    /// <summary>A right code from <paramref name="actor"/>: the count starts again.</summary>
    public void Right(string actor)
    {
        lock (_gate)
        {
            _byActor.Remove(actor);
        }
    }
}
