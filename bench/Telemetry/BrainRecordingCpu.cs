using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry;
using ProofOfHeat.Telemetry.Delivery;
using ProofOfHeat.Telemetry.Outbox;
using ProofOfHeat.Telemetry.Recording;
using ProofOfHeat.Telemetry.Sinks;
using ProofOfHeat.Telemetry.Store;

namespace ProofOfHeat.Bench.Telemetry;

/// <summary>
/// CPU of recording a busy brain on the product's default path, as the host composes it (TelemetryComposition,
/// TelemetryStoreComposition): the 1 Hz per-series throttle apps are given as their recorder → the recorder's queue and
/// group commit to the outbox on disk (fsync every 250 ms) → delivery into the embedded SQLite store with its rollups.
/// The brain: <see cref="Miners"/> miners whose every reading changes and <see cref="Zones"/> zones (climate, room
/// sensor, target) — each series offered <see cref="OffersPerSecond"/> updates a second, ten times the 1 Hz the
/// throttle lets through, so the throttle's own cost is in the figure. Against the same pacing loop recording into nothing.
/// </summary>
internal static class BrainRecordingCpu
{
    public const int Miners = 10;
    public const int Zones = 3;
    public const int OffersPerSecond = 10;

    private static readonly string[] Families = ["braiins-os", "luxos", "avalon", "antminer-stock", "whatsminer-v2"];

    private sealed class NoRecorder : ITelemetryRecorder
    {
        public long Count;

        public void Record(TelemetryPoint point) => Count++;
    }

    private sealed class StoreSink(TelemetryStore store) : ITelemetrySink
    {
        public string Name => "store";

        public ValueTask WriteAsync(IReadOnlyList<TelemetryPoint> batch, CancellationToken cancellationToken) => store.WriteAsync(batch, cancellationToken);
    }

    /// <summary>Returns the process's CPU share of one core with the pipeline and with the loop alone, and the points stored.</summary>
    public static async Task<(double Pipeline, double Baseline, long Offered, long Stored)> RunAsync(TimeSpan window)
    {
        var (baseline, _) = await PaceAsync(new NoRecorder(), window);
        var directory = Directory.CreateTempSubdirectory("poh-bench-brain-").FullName;
        try
        {
            using var store = TelemetryStore.Open(directory, new TelemetryStoreOptions(), TimeProvider.System);
            await using var pipeline = new TelemetryPipeline(
                new OutboxOptions { Directory = Path.Combine(directory, "telemetry-outbox") },
                new RecorderOptions(),
                [(new StoreSink(store), new DeliveryOptions())],
                TimeProvider.System,
                NullLoggerFactory.Instance);
            using var throttle = new ThrottlingTelemetryRecorder(pipeline.Recorder, TimeProvider.System, TimeSpan.FromSeconds(1), TelemetrySchema.IsSampled);
            var (measured, offered) = await PaceAsync(throttle, window);
            var stored = pipeline.Deliveries[0].DeliveredPoints;
            // At 1 Hz per series for the window, less the last second or two still in flight.
            var series = Miners + (2 * Zones);
            if (stored < (window.TotalSeconds - 3) * series)
            {
                throw new InvalidOperationException($"only {stored} points stored");
            }

            return (measured, baseline, offered, stored);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Offers every series <see cref="OffersPerSecond"/> updates a second for <paramref name="window"/>.</summary>
    private static async Task<(double Share, long Offered)> PaceAsync(ITelemetryRecorder recorder, TimeSpan window)
    {
        using var process = Process.GetCurrentProcess();
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / OffersPerSecond));
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var round = 0L;
        while (clock.Elapsed < window && await ticks.WaitForNextTickAsync())
        {
            var due = (long)(clock.Elapsed.TotalSeconds * OffersPerSecond);
            for (; round < due; round++)
            {
                var at = TimeProvider.System.GetUtcNow();
                for (var m = 0; m < Miners; m++)
                {
                    recorder.Record(Miner(m, at, round));
                }

                for (var z = 0; z < Zones; z++)
                {
                    recorder.Record(Zone(z, at, round));
                    recorder.Record(new TelemetryPoint("state", at, [new("domain", "sensor"), new("entity", $"zone_{z}_temperature")],
                        [TelemetryField.Of("value", 20 + (round % 17 / 10.0))]));
                }
            }
        }

        process.Refresh();
        return ((process.TotalProcessorTime - cpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds, round * (Miners + (2 * Zones)));
    }

    // As apps/Miners/MinerTelemetry records a reading.
    private static TelemetryPoint Miner(int miner, DateTimeOffset at, long round) => new(
        "miner", at, [new("miner", $"miner_{miner}"), new("family", Families[miner % Families.Length])],
        [
            TelemetryField.Of("mode", "normal"), TelemetryField.Of("hashrate_ths", 104.25 + (round % 13)), TelemetryField.Of("power_w", 3250.0 + (round % 7)),
            TelemetryField.Of("chip_temp_c", 71.5 + (round % 5)), TelemetryField.Of("board_temp_c", 60.25), TelemetryField.Of("revenue_per_h", 0.17 + (round % 3 / 100.0)),
        ]);

    // As runtime/Host/Telemetry/StateChangePoints records a climate entity.
    private static TelemetryPoint Zone(int zone, DateTimeOffset at, long round) => new(
        "zone", at, [new("zone", $"zone_{zone}")],
        [TelemetryField.Of("hvac", "heat"), TelemetryField.Of("room_c", 20 + (round % 17 / 10.0)), TelemetryField.Of("target_c", 21.0)]);
}
