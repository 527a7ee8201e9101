using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Delivery;
using ProofOfHeat.Telemetry.Outbox;
using ProofOfHeat.Telemetry.Recording;
using ProofOfHeat.Telemetry.Sinks;

namespace ProofOfHeat.Telemetry;

/// <summary>
/// The whole path: <see cref="Recorder"/> (what apps and the runtime call) → the durable <see cref="Outbox"/> →
/// one <see cref="SinkDelivery"/> per sink. Opening it replays what the outbox kept from before a crash.
/// </summary>
public sealed class TelemetryPipeline : IAsyncDisposable
{
    private readonly List<SinkDelivery> _deliveries = [];
    private int _disposed;

    /// <summary>Opens the outbox and starts recording and delivering.</summary>
    public TelemetryPipeline(
        OutboxOptions outbox,
        RecorderOptions recorder,
        IEnumerable<(ITelemetrySink Sink, DeliveryOptions Delivery)> sinks,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(loggers);
        Outbox = new TelemetryOutbox(outbox, loggers.CreateLogger<TelemetryOutbox>());
        foreach (var (sink, delivery) in sinks)
        {
            _deliveries.Add(new SinkDelivery(Outbox, sink, delivery, time, loggers.CreateLogger<SinkDelivery>()));
        }

        Recorder = new TelemetryRecorder(Outbox, recorder, time, loggers.CreateLogger<TelemetryRecorder>());
    }

    /// <summary>Where points are recorded.</summary>
    public TelemetryRecorder Recorder { get; }

    /// <summary>The durable outbox.</summary>
    public TelemetryOutbox Outbox { get; }

    /// <summary>One delivery per sink.</summary>
    public IReadOnlyList<SinkDelivery> Deliveries => _deliveries;

    /// <summary>The recorder as the AppModel contract.</summary>
    public ITelemetryRecorder AsRecorder => Recorder;

    /// <summary>Commits what is queued, stops the deliveries (cursors stay) and closes the outbox.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Recorder.DisposeAsync().ConfigureAwait(false);
        foreach (var delivery in _deliveries)
        {
            await delivery.DisposeAsync().ConfigureAwait(false);
        }

        Outbox.Dispose();
    }
}
