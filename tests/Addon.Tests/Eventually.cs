namespace ProofOfHeat.Addon.Tests;

/// <summary>
/// Waits for what a separate process (the published brain, mosquitto) does, asking again every 50 ms of wall time:
/// a real process cannot run on a test's fake clock, so this is where these tests poll.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, Func<string> what)
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
            throw new TimeoutException($"Waited {within.TotalSeconds:F0} s for {what()}");
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan within, Func<string> what) =>
        UntilAsync(() => Task.FromResult(condition()), within, what);
}
