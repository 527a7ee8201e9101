namespace ProofOfHeat.Host.Tests;

/// <summary>
/// Waits for what a separate process (poh, mosquitto) does, by asking again every 50 ms of wall
/// time: a real process cannot run on the test's fake clock, so this is the one place tests poll.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="within"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (!await condition())
            {
                await Task.Delay(Pause, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"Waited {within.TotalSeconds:F0} s for {what}.");
        }
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, TimeSpan, string)"/>
    public static Task UntilAsync(Func<bool> condition, TimeSpan within, string what) =>
        UntilAsync(() => Task.FromResult(condition()), within, what);
}
