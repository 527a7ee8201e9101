namespace ProofOfHeat.Apps.Safety.Tests.Support;

/// <summary>
/// Waits for what runs off the test's thread (the app's continuations on the thread pool, mosquitto, the runtime's
/// queues) by asking again every few milliseconds of wall time, up to a generous bound for loaded CI machines.
/// </summary>
internal static class Until
{
    public static readonly TimeSpan Healthy = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? Healthy);
        try
        {
            while (!condition())
            {
                await Task.Delay(2, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"Waited {(within ?? Healthy).TotalSeconds:F0} s for {what}.");
        }
    }
}
