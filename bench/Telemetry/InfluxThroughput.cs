using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Telemetry;
using ProofOfHeat.Telemetry.Delivery;
using ProofOfHeat.Telemetry.Http;
using ProofOfHeat.Telemetry.Outbox;
using ProofOfHeat.Telemetry.Recording;
using ProofOfHeat.TestKit.QuestDb;

namespace ProofOfHeat.Bench.Telemetry;

/// <summary>
/// End to end into a real InfluxDB 1.6: points recorded as fast as the queue takes them, through the outbox (flushed
/// to disk) and the ILP-over-HTTP sink, until InfluxDB acknowledged the last one; the count is checked by a query.
/// </summary>
internal static class InfluxThroughput
{
    public static async Task<double> RunAsync(InfluxDbServer influx, string database, int points)
    {
        var directory = Directory.CreateTempSubdirectory("poh-bench-outbox-").FullName;
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
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < points; i++)
            {
                while (pipeline.Recorder.QueueDepth > 50_000)
                {
                    await Task.Yield();
                }

                pipeline.Recorder.Record(BenchPoints.Miner(i));
            }

            while (pipeline.Deliveries[0].DeliveredPoints < points)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5));
            }

            clock.Stop();
            if (pipeline.Recorder.DroppedPoints != 0)
            {
                throw new InvalidOperationException($"{pipeline.Recorder.DroppedPoints} points dropped");
            }

            return points / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
