namespace ProofOfHeat.NodeRed.Tests.Support;

/// <summary>
/// Waits for what a separate process (poh, Node-RED, a simulated miner) does, asking again every 100 ms of wall time:
/// real processes cannot run on a fake clock, so this is the one place these tests poll.
/// </summary>
internal static class Eventually
{
    /// <summary>The bound on a healthy path: generous, CI machines are loaded.</summary>
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? Safety;
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            while (!await condition())
            {
                await Task.Delay(Pause, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"Waited {limit.TotalSeconds:F0} s for {what}.");
        }
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, string, TimeSpan?)"/>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, within);
}
