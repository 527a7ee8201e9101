namespace ProofOfHeat.Host.Hosting;

/// <summary>
/// Every <see cref="Interval"/> of wall time, hands back the memory the brain used for a burst and no longer needs: a
/// full, compacting collection in the GC's aggressive mode (which also decommits the free space it kept for later
/// allocations: <c>GCCollectionMode.Aggressive</c>, .NET 7+), then <see cref="NativeHeap.Trim"/> for the malloc heap.
/// The brain idles between short bursts (a decision a minute, a miner poll every few seconds), yet after each burst
/// the GC keeps its gen0 budget and the emptied regions committed and glibc keeps freed pages, so resident memory
/// settles at the peak of the bursts. Measured in the realistic home (bench/Runtime/results.md): 17 MB less. The
/// collection blocks the brain while it runs: 8 ms for its 4.4 MB heap when timed first, 140–145 ms later in the same
/// run on a machine at load average 45–55, where suspending the threads waits for each to be scheduled. Each trim's
/// duration is logged at Debug.
/// </summary>
/// <param name="clock">The real clock (in the demo, simulated time runs faster; memory does not).</param>
/// <param name="logger">Where each trim's duration goes, at Debug.</param>
internal sealed partial class IdleMemoryTrim(WallClock clock, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    /// <summary>How often the memory is handed back.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private int _trims;

    /// <summary>How many times the memory was handed back since start.</summary>
    public int Trims => Volatile.Read(ref _trims);

    /// <summary>Collects and trims once, now.</summary>
    public void TrimNow()
    {
        var started = clock.Time.GetTimestamp();
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var trimmed = NativeHeap.Trim();
        Interlocked.Increment(ref _trims);
        LogTrimmed(logger, clock.Time.GetElapsedTime(started).TotalMilliseconds, before / 1024, GC.GetGCMemoryInfo().TotalCommittedBytes / 1024, trimmed);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                TrimNow();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 4040, Level = LogLevel.Debug,
        Message = "Memory handed back in {Milliseconds:F1} ms: GC committed {BeforeKb} kB -> {AfterKb} kB, malloc trimmed: {MallocTrimmed}")]
    private static partial void LogTrimmed(ILogger logger, double milliseconds, long beforeKb, long afterKb, bool mallocTrimmed);
}
