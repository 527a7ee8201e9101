using ProofOfHeat.Apps.Safety.Actions;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Safety.Tests.App;

/// <summary>A flapping sensor's log lines: one per key per window, and the next logged line counts what was left out.</summary>
public sealed class LogThrottleTests
{
    [Fact]
    public void One_line_per_key_per_window_and_the_next_line_counts_the_left_out_ones()
    {
        var time = new FakeTimeProvider();
        var throttle = new LogThrottle(time);

        Assert.True(throttle.TryTake("hazard.Leak", out var skipped));
        Assert.Equal(0, skipped);
        for (var i = 0; i < 999; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.False(throttle.TryTake("hazard.Leak", out _));
        }

        // Another key is not held by the first one's window.
        Assert.True(throttle.TryTake("cleared.Leak", out _));

        time.Advance(LogThrottle.Window);
        Assert.True(throttle.TryTake("hazard.Leak", out skipped));
        Assert.Equal(999, skipped);
        time.Advance(LogThrottle.Window);
        Assert.True(throttle.TryTake("hazard.Leak", out skipped));
        Assert.Equal(0, skipped);
    }
}
