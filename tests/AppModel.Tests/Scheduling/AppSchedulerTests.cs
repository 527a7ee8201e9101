using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.AppModel.Scheduling;
using ProofOfHeat.AppModel.Tests.Support;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.Scheduling;

public sealed class AppSchedulerTests
{
    [Fact]
    public async Task RunEvery_ActionThrowsOnce_LoggedAndScheduleGoesOn()
    {
        await using var fixture = new RuntimeFixture([typeof(TickerApp)]);
        var sink = await fixture.StartAsync();
        sink.Connected([]);
        await fixture.AppStateAsync("ticker", AppRunState.Running);

        for (var i = 1; i <= 4; i++)
        {
            await Signal.UntilAsync(() => fixture.Time.PendingTimerCount > 0, "next tick armed");
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
            await Signal.UntilAsync(() => fixture.Probe.Lifecycle.Contains($"tick:{i}"), $"tick {i}");
        }

        Assert.Contains(fixture.Logs.AtLeast(LogLevel.Error), l => l.Message.Contains("App ticker: a scheduled action threw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispose_CancelsPendingSchedules()
    {
        var time = new FakeTimeProvider();
        var logs = new CapturingLoggerProvider();
        var scheduler = new AppScheduler("x", time, logs.CreateFactory().CreateLogger("x"));
        var ran = 0;
        scheduler.RunIn(TimeSpan.FromMinutes(5), _ => { ran++; return Task.CompletedTask; });

        await scheduler.DisposeAsync();
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task RunIn_DisposedHandle_DoesNotRun_OtherStillRuns()
    {
        var time = new FakeTimeProvider();
        var logs = new CapturingLoggerProvider();
        await using var scheduler = new AppScheduler("x", time, logs.CreateFactory().CreateLogger("x"));
        var done = new TaskCompletionSource();
        var cancelledRan = false;
        var handle = scheduler.RunIn(TimeSpan.FromMinutes(5), _ => { cancelledRan = true; return Task.CompletedTask; });
        scheduler.RunAt(time.GetUtcNow().AddMinutes(10), _ => { done.SetResult(); return Task.CompletedTask; });
        await Signal.UntilAsync(() => time.PendingTimerCount == 2, "both armed");

        handle.Dispose();
        time.Advance(TimeSpan.FromMinutes(10));

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(cancelledRan);
    }
}
