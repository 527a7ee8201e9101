using System.Globalization;
using Microsoft.Extensions.Logging;
using ProofOfHeat.Telemetry;
using ProofOfHeat.Telemetry.Delivery;
using ProofOfHeat.Telemetry.Http;
using ProofOfHeat.Telemetry.Outbox;
using ProofOfHeat.Telemetry.OutboxChild;
using ProofOfHeat.Telemetry.Recording;

// Arguments: outbox directory, QuestDB base address, first index, count, day start (unix seconds).
// Records points index..index+count-1 (one a second of simulated time), flushing to the disk every 1,000 and
// printing "durable N" after each flush, then "done", then waits for the SIGKILL.
var directory = args[0];
var address = new Uri(args[1]);
var first = int.Parse(args[2], CultureInfo.InvariantCulture);
var count = int.Parse(args[3], CultureInfo.InvariantCulture);
var dayStart = DateTimeOffset.FromUnixTimeSeconds(long.Parse(args[4], CultureInfo.InvariantCulture));

using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));
using var sink = new IlpHttpSink(new IlpHttpOptions { Address = address }, TimeProvider.System, loggers.CreateLogger("sink"));
var pipeline = new TelemetryPipeline(
    new OutboxOptions { Directory = directory, SegmentBytes = 64 * 1024 },
    new RecorderOptions { CommitInterval = TimeSpan.Zero },
    [(sink, new DeliveryOptions { FlushRows = 500, FlushInterval = TimeSpan.Zero, RetryMaximum = TimeSpan.FromMilliseconds(200) })],
    TimeProvider.System,
    loggers);
for (var i = first; i < first + count; i++)
{
    pipeline.Recorder.Record(OutboxChildPoints.At(dayStart, i));
    if ((i - first + 1) % 1000 == 0 || i == first + count - 1)
    {
        await pipeline.Recorder.FlushAsync(CancellationToken.None);
        Console.WriteLine($"durable {i - first + 1}");
    }
}

Console.WriteLine("done");
await Task.Delay(Timeout.InfiniteTimeSpan);
