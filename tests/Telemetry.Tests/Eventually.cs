using System.Diagnostics;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Telemetry.Tests;

/// <summary>
/// Waits (real time, bounded) for a condition that real I/O makes true, advancing the fake clock a step between looks
/// so that backoffs and flush intervals on it come due.
/// </summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, FakeTimeProvider? time = null, TimeSpan? step = null, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(30);
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"condition not met within {limit}");
            }

            time?.Advance(step ?? TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }
}
