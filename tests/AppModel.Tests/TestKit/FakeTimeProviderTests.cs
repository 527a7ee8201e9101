using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.TestKit;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public async Task Advance_InAnAsyncTest_RunsTheContinuationsOfDelaysBeforeItReturns()
    {
        // xunit runs this test under its own synchronization context; real timers fire without one, and so must ours,
        // or the runtime queues these continuations to the thread pool and they run after Advance has returned.
        Assert.NotNull(SynchronizationContext.Current);
        var time = new FakeTimeProvider();
        var steps = new List<int>();

        var loop = LoopAsync(time, steps);
        time.Advance(TimeSpan.FromSeconds(25));

        Assert.Equal([1, 2], steps);
        Assert.NotNull(SynchronizationContext.Current);
        time.Advance(TimeSpan.FromSeconds(5));
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1, 2, 3], steps);
    }

    private static async Task LoopAsync(FakeTimeProvider time, List<int> steps)
    {
        for (var i = 1; i <= 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), time).ConfigureAwait(false);
            steps.Add(i);
        }
    }
}
