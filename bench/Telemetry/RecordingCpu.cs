using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry;
using ProofOfHeat.Telemetry.Delivery;
using ProofOfHeat.Telemetry.Http;
using ProofOfHeat.Telemetry.Outbox;
using ProofOfHeat.Telemetry.Recording;
using ProofOfHeat.TestKit.QuestDb;

namespace ProofOfHeat.Bench.Telemetry;

/// <summary>
/// CPU of recording at a steady rate (10 points every 10 ms): this process's CPU time over the window divided by the
/// window, with the product's pipeline (queue, group commit to the outbox on disk, delivery to InfluxDB) against the
/// same pacing loop recording into nothing. InfluxDB runs in its own process and is not counted.
/// </summary>
internal static class RecordingCpu
{
    private sealed class NoRecorder : ITelemetryRecorder
    {
        public long Count;

        public void Record(TelemetryPoint point) => Count++;
    }

    public static async Task<(double Pipeline, double Baseline)> RunAsync(InfluxDbServer influx, string database, TimeSpan window)
    {
        var baseline = await PaceAsync(new NoRecorder(), window);
        var directory = Directory.CreateTempSubdirectory("poh-bench-cpu-").FullName;
        try
        {
            using var sink = new IlpHttpSink(
                new IlpHttpOptions { Address = influx.Address, Kind = IlpServerKind.InfluxDb, Database = database },
                TimeProvider.System, NullLogger.Instance);
            await using var pipeline = new TelemetryPipeline(
                new OutboxOptions { Directory = directory },
                new RecorderOptions(),
                [(sink, new DeliveryOptions { FlushRows = 5000, FlushInterval = TimeSpan.FromSeconds(1) })],
                TimeProvider.System,
                NullLoggerFactory.Instance);
            var measured = await PaceAsync(pipeline.Recorder, window);
            if (pipeline.Deliveries[0].DeliveredPoints < window.TotalSeconds * 900)
            {
                throw new InvalidOperationException($"only {pipeline.Deliveries[0].DeliveredPoints} points delivered");
            }

            return (measured, baseline);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Records 1,000 points/s for <paramref name="window"/>; returns the process's CPU share of one core.</summary>
    private static async Task<double> PaceAsync(ITelemetryRecorder recorder, TimeSpan window)
    {
        using var process = Process.GetCurrentProcess();
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var index = 0;
        while (clock.Elapsed < window && await ticks.WaitForNextTickAsync())
        {
            // Catch up to 1,000 points/s of wall time (a late tick records more).
            var due = (int)(clock.Elapsed.TotalSeconds * 1000);
            while (index < due)
            {
                recorder.Record(BenchPoints.Miner(index++));
            }
        }

        process.Refresh();
        return (process.TotalProcessorTime - cpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds;
    }
}
