using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Support;

/// <summary>Drives a <see cref="FakeTimeProvider"/> against a client whose loops run on real threads.</summary>
internal static class FakeTime
{
    /// <summary>
    /// Moves fake time in steps until <paramref name="target"/> completes. Between steps it yields briefly so the
    /// client's loops can react and arm their next timer (the step is fake time; the yield is only scheduling).
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, TimeSpan step, Task target)
    {
        using var safety = new CancellationTokenSource(TestDefaults.SafetyTimeout);
        while (!target.IsCompleted)
        {
            Assert.False(safety.IsCancellationRequested, "Safety timeout while advancing fake time.");
            time.Advance(step);
            await Task.WhenAny(target, Task.Delay(10, CancellationToken.None));
        }

        await target;
    }

    /// <summary>Yields (real time, briefly) until <paramref name="condition"/> holds; fails after the safety timeout.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var safety = new CancellationTokenSource(TestDefaults.SafetyTimeout);
        while (!condition())
        {
            Assert.False(safety.IsCancellationRequested, "Safety timeout while waiting for a condition.");
            await Task.Delay(5, CancellationToken.None);
        }
    }
}
