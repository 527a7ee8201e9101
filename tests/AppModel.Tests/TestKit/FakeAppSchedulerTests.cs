using ProofOfHeat.TestKit.AppModel;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.TestKit;

/// <summary>The kit's scheduler is the product's: fixed rate, never overlapping, failures logged and the schedule going on.</summary>
public sealed class FakeAppSchedulerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task RunEvery_FixedRateFromTheFirstRun()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        await using var scheduler = new FakeAppScheduler(time);
        var runs = new List<TimeSpan>();

        scheduler.RunEvery(Period, TimeSpan.FromMinutes(1), _ =>
        {
            runs.Add(time.GetUtcNow() - start);
            return Task.CompletedTask;
        });
        time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal([1, 11, 21, 31], runs.Select(r => r.TotalMinutes));
    }

    [Fact]
    public async Task RunEvery_RunThatOverruns_IsNotOverlapped_AndTheMissedSlotsAreSkipped()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        await using var scheduler = new FakeAppScheduler(time);
        var starts = new List<TimeSpan>();
        var running = 0;
        var mostAtOnce = 0;

        // Each run takes 25 minutes of the 10-minute period: a timer with a period would start runs at 10 and 20
        // while the first is still going; the product's loop waits for it and resumes at the next slot, 30.
        scheduler.RunEvery(Period, TimeSpan.Zero, async ct =>
        {
            starts.Add(time.GetUtcNow() - start);
            mostAtOnce = Math.Max(mostAtOnce, ++running);
            await Task.Delay(TimeSpan.FromMinutes(25), time, ct).ConfigureAwait(false);
            running--;
        });
        time.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal([0, 30, 60], starts.Select(s => s.TotalMinutes));
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task RunEvery_ActionThrows_FailureIsCollected_AndTheScheduleGoesOn()
    {
        var time = new FakeTimeProvider();
        await using var scheduler = new FakeAppScheduler(time, "heating");
        var runs = 0;

        scheduler.RunEvery(Period, TimeSpan.Zero, _ => ++runs == 2 ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(4, runs);
        var failure = Assert.Single(scheduler.Failures);
        Assert.Equal("boom", failure.Message);
        Assert.Contains(scheduler.Log, l => l.Message.Contains("App heating: a scheduled action threw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAt_Past_RunsAtOnce_RunIn_RunsOnceWhenDue()
    {
        var time = new FakeTimeProvider();
        await using var scheduler = new FakeAppScheduler(time);
        var ran = new List<string>();

        scheduler.RunAt(time.GetUtcNow().AddMinutes(-1), _ => Add(ran, "past"));
        scheduler.RunIn(TimeSpan.FromMinutes(5), _ => Add(ran, "in 5"));
        Assert.Equal(["past"], ran);

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(["past"], ran);
        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(["past", "in 5"], ran);
    }

    [Fact]
    public async Task Dispose_CancelsEverySchedule()
    {
        var time = new FakeTimeProvider();
        var scheduler = new FakeAppScheduler(time);
        var runs = 0;
        scheduler.RunEvery(Period, TimeSpan.Zero, _ => Task.FromResult(++runs));

        await scheduler.DisposeAsync();
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, runs);
        Assert.Equal(0, time.PendingTimerCount);
    }

    private static Task Add(List<string> ran, string what)
    {
        ran.Add(what);
        return Task.CompletedTask;
    }
}
