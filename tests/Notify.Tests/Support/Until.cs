using Xunit;

namespace ProofOfHeat.Notify.Tests.Support;

/// <summary>Waits (real time, briefly per step) for code running on real threads; fails after 10 s.</summary>
internal static class Until
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.False(safety.IsCancellationRequested, "Timed out waiting for: " + what);
            await Task.Delay(5, CancellationToken.None);
        }
    }
}
