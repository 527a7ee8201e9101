using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Hosting;

public sealed class IdleMemoryTrimTests
{
    private static readonly TimeSpan Healthy = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Trims_OncePerIntervalOfTheWallClock()
    {
        var time = new FakeTimeProvider();
        using var trim = new IdleMemoryTrim(new WallClock(time), NullLogger<IdleMemoryTrim>.Instance);
        await trim.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => time.PendingTimerCount > 0, Healthy, "the trim's timer");

        time.Advance(IdleMemoryTrim.Interval - TimeSpan.FromSeconds(1));
        Assert.Equal(0, trim.Trims);
        for (var expected = 1; expected <= 3; expected++)
        {
            time.Advance(expected == 1 ? TimeSpan.FromSeconds(1) : IdleMemoryTrim.Interval);
            await Eventually.UntilAsync(() => trim.Trims == expected, Healthy, $"trim {expected}");
        }

        await trim.StopAsync(CancellationToken.None);
        Assert.Equal(3, trim.Trims);
    }

    [Fact]
    public void TrimNow_HandsBackTheGcMemoryOfABurst()
    {
        using var trim = new IdleMemoryTrim(new WallClock(new FakeTimeProvider()), NullLogger<IdleMemoryTrim>.Instance);
        const long burst = 48L * 1024 * 1024;
        var committedInBurst = CommittedWhileHolding(burst);

        trim.TrimNow();

        // Other tests allocate meanwhile; most of the 48 MB must still have gone back.
        var committedAfter = GC.GetGCMemoryInfo().TotalCommittedBytes;
        Assert.True(committedAfter < committedInBurst - (burst / 2), $"committed {committedInBurst / 1024} kB in the burst, {committedAfter / 1024} kB after the trim");
        Assert.Equal(1, trim.Trims);
    }

    // Not inlined, so nothing of the burst stays reachable from the test's frame.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long CommittedWhileHolding(long bytes)
    {
        var garbage = new List<byte[]>();
        for (long allocated = 0; allocated < bytes; allocated += 16 * 1024)
        {
            garbage.Add(new byte[16 * 1024]);
        }

        GC.Collect();
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        GC.KeepAlive(garbage);
        return committed;
    }
}
