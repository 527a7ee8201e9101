namespace ProofOfHeat.AppModel.Tests.Support;

/// <summary>Waits (with a safety timeout, never a sleep) until a condition on shared test state holds.</summary>
internal static class Signal
{
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = TimeSpan.FromSeconds(10);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Yield();
            await Task.Delay(1);
        }
    }
}
