using ProofOfHeat.Bench.Server;

namespace ProofOfHeat.Bench.Throughput;

/// <summary>
/// Runs every stage in both frame shapes in one process, one after the other: a warm-up, then the
/// measured runs. Events go in windows below the app queue length, each window consumed before the next.
/// </summary>
internal sealed class ThroughputRunner(BenchOptions options)
{
    private static readonly TimeSpan WindowTimeout = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<StageResult>> RunAsync(FakeHaServerProcess server, CancellationToken cancellationToken)
    {
        var results = new List<StageResult>();
        int[] shapes = options.Coalesce > 1 ? [1, options.Coalesce] : [1];
        foreach (var perFrame in shapes)
        {
            results.Add(RunDecodeOnly(perFrame));
            Print(results[^1]);
            foreach (var stage in new Func<IFedStage>[] { () => new SocketOnlyStage(perFrame), () => new ClientOnlyStage(), () => new PipelineStage() })
            {
                await using var fed = stage();
                results.Add(await RunFedAsync(fed, server, perFrame, cancellationToken));
                Print(results[^1]);
            }
        }

        return results;
    }

    private static string Shape(int perFrame) => perFrame == 1 ? "1 event/frame" : $"{perFrame} events/frame (coalesced)";

    private StageResult RunDecodeOnly(int perFrame)
    {
        var frames = DecodeOnlyStage.Frames(options.Entities, perFrame);
        DecodeOnlyStage.Decode(frames, Math.Min(options.Events, 50_000), perFrame);
        var runs = new List<RunResult>();
        for (var run = 0; run < options.Runs; run++)
        {
            runs.Add(RunResult.MeasureAsync(options.Events, () =>
            {
                DecodeOnlyStage.Decode(frames, options.Events, perFrame);
                return Task.CompletedTask;
            }).GetAwaiter().GetResult());
        }

        return new StageResult(DecodeOnlyStage.Name, Shape(perFrame), runs, 0);
    }

    private async Task<StageResult> RunFedAsync(IFedStage stage, FakeHaServerProcess server, int perFrame, CancellationToken cancellationToken)
    {
        await stage.ConnectAsync(server.WebSocketUri, cancellationToken);
        var perFrameSent = await server.OpenStreamAsync(perFrame, options.Entities);
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
                position += await server.SendAsync(options.Window);
                for (var i = 0; i < targets.Length; i++)
                {
                    // The watched climate is pool slot 0: it comes once per pass through the pool.
                    targets[i] = i == stage.ClimateCounter ? ((position - 1) / options.Entities) + 1 : position;
                }

                await stage.Gate.WaitAsync(targets).WaitAsync(WindowTimeout, cancellationToken);
            }
        }

        await StreamAsync(Math.Min(options.Events, 50_000));
        var runs = new List<RunResult>();
        for (var run = 0; run < options.Runs; run++)
        {
            runs.Add(await RunResult.MeasureAsync(options.Events, () => StreamAsync(options.Events)));
        }

        return new StageResult(stage.Name, Shape(perFrame), runs, stage.Dropped);
    }

    private static void Print(StageResult result) =>
        Console.WriteLine(FormattableString.Invariant(
            $"  {result.Stage,-55} {result.Frames,-28} {result.MedianEventsPerSecond,10:N0} ev/s  {result.MedianEventsPerCpuSecond,10:N0} ev/cpu-s  {result.MedianBytesPerEvent,8:N0} B/ev  [{result.MinEventsPerSecond:N0}–{result.MaxEventsPerSecond:N0}]"));
}
