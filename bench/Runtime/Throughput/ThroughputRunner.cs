using ProofOfHeat.Bench.Server;

namespace ProofOfHeat.Bench.Throughput;

/// <summary>
/// Runs every stage in both frame shapes in one process. All stages are set up and warmed first, then measured in
/// rounds (round 1 of every stage, then round 2 …), so that a burst of load from elsewhere on the machine spreads
/// over the stages instead of landing on one. Events go in windows below the app queue length, each window
/// consumed before the next.
/// </summary>
internal sealed class ThroughputRunner(BenchOptions options)
{
    private static readonly TimeSpan WindowTimeout = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<StageResult>> RunAsync(FakeHaServerProcess server, CancellationToken cancellationToken)
    {
        var stages = new List<MeasuredStage>();
        var fedStages = new List<IFedStage>();
        try
        {
            int[] shapes = options.Coalesce > 1 ? [1, options.Coalesce] : [1];
            foreach (var perFrame in shapes)
            {
                if (Wanted(DecodeOnlyStage.Name))
                {
                    stages.Add(DecodeOnly(perFrame));
                }

                foreach (var create in new Func<IFedStage>[] { () => new SocketOnlyStage(perFrame), () => new ClientOnlyStage(), () => new PipelineStage() })
                {
                    var fed = create();
                    if (!Wanted(fed.Name))
                    {
                        await fed.DisposeAsync();
                        continue;
                    }

                    fedStages.Add(fed);
                    stages.Add(await FedAsync(fed, server, perFrame, cancellationToken));
                }
            }

            var warmUp = Math.Min(options.Events, 50_000);
            foreach (var stage in stages)
            {
                await stage.RunOnceAsync(warmUp);
            }

            for (var round = 1; round <= options.Runs; round++)
            {
                Console.WriteLine($"  round {round} of {options.Runs}");
                foreach (var stage in stages)
                {
                    stage.Runs.Add(await RunResult.MeasureAsync(options.Events, () => stage.RunOnceAsync(options.Events)));
                }
            }
        }
        finally
        {
            foreach (var fed in fedStages)
            {
                await fed.DisposeAsync();
            }
        }

        var results = stages.Select(s => s.ToResult()).ToList();
        results.ForEach(Print);
        return results;
    }

    private bool Wanted(string stage) => options.OnlyStage is not { } only || stage.StartsWith(only, StringComparison.Ordinal);

    private static string Shape(int perFrame) => perFrame == 1 ? "1 event/frame" : $"{perFrame} events/frame (coalesced)";

    private MeasuredStage DecodeOnly(int perFrame)
    {
        var frames = DecodeOnlyStage.Frames(options.Entities, perFrame);
        return new MeasuredStage(DecodeOnlyStage.Name, Shape(perFrame), events =>
        {
            DecodeOnlyStage.Decode(frames, events, perFrame);
            return Task.CompletedTask;
        }, () => 0);
    }

    private async Task<MeasuredStage> FedAsync(IFedStage stage, FakeHaServerProcess server, int perFrame, CancellationToken cancellationToken)
    {
        await stage.ConnectAsync(server.WebSocketUri, cancellationToken);
        var (feed, perFrameSent) = await server.OpenFeedAsync(perFrame, options.Entities);
        if (perFrameSent != perFrame)
        {
            throw new InvalidOperationException($"The server sends {perFrameSent} events per frame, {perFrame} asked (coalescing not negotiated?).");
        }

        long position = 0;
        var targets = new long[stage.Gate.Counters];
        async Task StreamAsync(long events)
        {
            for (long done = 0; done < events; done += options.Window)
            {
                position += await server.SendAsync(feed, options.Window);
                for (var i = 0; i < targets.Length; i++)
                {
                    // The watched climate is pool slot 0: it comes once per pass through the pool.
                    targets[i] = i == stage.ClimateCounter ? ((position - 1) / options.Entities) + 1 : position;
                }

                await stage.Gate.WaitAsync(targets).WaitAsync(WindowTimeout, cancellationToken);
            }
        }

        return new MeasuredStage(stage.Name, Shape(perFrame), StreamAsync, () => stage.Dropped);
    }

    private static void Print(StageResult result) =>
        Console.WriteLine(FormattableString.Invariant(
            $"  {result.Stage,-55} {result.Frames,-28} {result.MedianEventsPerSecond,10:N0} ev/s  {result.MedianEventsPerCpuSecond,10:N0} ev/cpu-s  {result.MedianBytesPerEvent,8:N0} B/ev  GC {result.MedianGcShare,4:P0}  [{result.MinEventsPerSecond:N0}–{result.MaxEventsPerSecond:N0}]"));
}
