namespace ProofOfHeat.Mqtt.Connection;

/// <summary>Capped exponential reconnect delays: initial, 2×, 4× … up to the maximum.</summary>
internal static class ReconnectBackoff
{
    /// <summary>The delay before reconnect attempt number <paramref name="failedAttempts"/> (0 = first retry).</summary>
    public static TimeSpan GetDelay(int failedAttempts, TimeSpan initial, TimeSpan maximum)
    {
        if (initial <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var factor = Math.Pow(2, Math.Min(failedAttempts, 30));
        var ticks = Math.Min(initial.Ticks * factor, maximum.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
