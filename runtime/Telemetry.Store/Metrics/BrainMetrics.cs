using Prometheus;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Telemetry.Store.Metrics;

/// <summary>
/// The brain's Prometheus metrics (<c>GET /metrics</c>) through prometheus-net, in a registry of their own (no
/// process-wide default metrics, no HttpListener server: the brain's API serves the text). Counters the brain keeps
/// elsewhere are observed at each scrape (<see cref="AddCollector"/>): the HA runtime's events and connection, the
/// apps' dropped events, the telemetry pipeline (<see cref="ITelemetryStatus"/>) and the open alerts.
/// </summary>
public sealed class BrainMetrics
{
    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly List<Action<BrainMetrics>> _collectors = [];
    private readonly Dictionary<string, DateTimeOffset?> _connectedSince = new(StringComparer.Ordinal);
    private readonly Counter _events;
    private readonly Gauge _queueDepth;
    private readonly Counter _queueDropped;
    private readonly Gauge _connected;
    private readonly Counter _connects;
    private readonly Histogram _decisions;
    private readonly Counter _pointsRecorded;
    private readonly Gauge _sinkLag;
    private readonly Counter _sinkDelivered;
    private readonly Counter _sinkFailures;
    private readonly Gauge _outboxBytes;
    private readonly Gauge _outboxPoints;
    private readonly Counter _outboxDropped;
    private readonly Gauge _alertsOpen;

    /// <summary>Creates the metrics; <paramref name="telemetry"/> and <paramref name="alerts"/> are read at each scrape when given.</summary>
    public BrainMetrics(ITelemetryStatus? telemetry = null, IAlerts? alerts = null)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(_registry);
        _events = factory.CreateCounter("poh_events_in_total", "Events received, by source (home_assistant state changes, mqtt messages).", "source");
        _queueDepth = factory.CreateGauge("poh_queue_depth", "Items waiting in a bounded queue.", "queue");
        _queueDropped = factory.CreateCounter("poh_queue_dropped_total", "Items a full bounded queue dropped.", "queue");
        _connected = factory.CreateGauge("poh_connected", "1 while the connection is up, else 0.", "connection");
        _connects = factory.CreateCounter("poh_connects_total", "Connections made, the first and every reconnect.", "connection");
        _decisions = factory.CreateHistogram("poh_decision_duration_seconds", "How long an app's decision took.", new HistogramConfiguration
        {
            LabelNames = ["app"],
            // From 1 ms to 10 s: a rule reacts in milliseconds, the optimiser's plan takes up to seconds.
            Buckets = Histogram.ExponentialBuckets(0.001, 10, 5),
        });
        _pointsRecorded = factory.CreateCounter("poh_telemetry_points_recorded_total", "Telemetry points handed to the recorder.");
        _sinkLag = factory.CreateGauge("poh_telemetry_sink_lag_seconds", "How far a sink's acknowledged points are behind the newest recorded one.", "sink");
        _sinkDelivered = factory.CreateCounter("poh_telemetry_sink_delivered_total", "Points a sink acknowledged.", "sink");
        _sinkFailures = factory.CreateCounter("poh_telemetry_sink_failures_total", "Failed writes to a sink.", "sink");
        _outboxBytes = factory.CreateGauge("poh_telemetry_outbox_bytes", "The telemetry outbox's size on disk.");
        _outboxPoints = factory.CreateGauge("poh_telemetry_outbox_points", "Points in the outbox not yet acknowledged by every sink.");
        _outboxDropped = factory.CreateCounter("poh_telemetry_outbox_dropped_total", "Points dropped at the outbox's size bound.");
        _alertsOpen = factory.CreateGauge("poh_alerts_open", "Alerts not resolved yet, by severity.", "severity");
        _registry.AddBeforeCollectCallback(() => Collect(telemetry, alerts));
    }

    /// <summary>Runs <paramref name="observe"/> before each scrape, to copy counters kept elsewhere.</summary>
    public void AddCollector(Action<BrainMetrics> observe)
    {
        ArgumentNullException.ThrowIfNull(observe);
        lock (_collectors)
        {
            _collectors.Add(observe);
        }
    }

    /// <summary>The running total of events from <paramref name="source"/>.</summary>
    public void ObserveEvents(string source, long total) => _events.WithLabels(source).IncTo(total);

    /// <summary>A bounded queue's depth (when its owner exposes it) and the running total it dropped.</summary>
    public void ObserveQueue(string queue, long? depth, long droppedTotal)
    {
        if (depth is { } items)
        {
            _queueDepth.WithLabels(queue).Set(items);
        }

        _queueDropped.WithLabels(queue).IncTo(droppedTotal);
    }

    /// <summary>One more connection made (the first or a reconnect).</summary>
    public void Connected(string connection) => _connects.WithLabels(connection).Inc();

    /// <summary>
    /// A connection's state; a <paramref name="connectedSince"/> not seen before counts as a connection made (for a
    /// client that keeps only when it last connected: reconnects between two scrapes count as one).
    /// </summary>
    public void ObserveConnection(string connection, bool connected, DateTimeOffset? connectedSince = null)
    {
        _connected.WithLabels(connection).Set(connected ? 1 : 0);
        if (connectedSince is null)
        {
            // The connection's counter shows (at 0) from the first scrape; Connected counts for this client.
            _connects.WithLabels(connection).Inc(0);
            return;
        }

        lock (_connectedSince)
        {
            if (_connectedSince.GetValueOrDefault(connection) != connectedSince)
            {
                _connectedSince[connection] = connectedSince;
                _connects.WithLabels(connection).Inc();
            }
        }
    }

    /// <summary>One decision of <paramref name="app"/> and how long it took.</summary>
    public void ObserveDecision(string app, TimeSpan duration) => _decisions.WithLabels(app).Observe(duration.TotalSeconds);

    /// <summary>Writes every metric in the Prometheus text format (version 0.0.4) to <paramref name="destination"/>.</summary>
    public Task ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        _registry.CollectAndExportAsTextAsync(destination, cancellationToken);

    /// <summary>The content type of <see cref="ExportAsync"/>'s output.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private void Collect(ITelemetryStatus? telemetry, IAlerts? alerts)
    {
        Action<BrainMetrics>[] collectors;
        lock (_collectors)
        {
            collectors = [.. _collectors];
        }

        foreach (var collect in collectors)
        {
            collect(this);
        }

        if (telemetry is not null)
        {
            _pointsRecorded.IncTo(telemetry.PointsRecorded);
            ObserveQueue("telemetry", telemetry.QueueDepth, telemetry.QueueDropped);
            _outboxBytes.Set(telemetry.OutboxBytes);
            _outboxPoints.Set(telemetry.OutboxPoints);
            _outboxDropped.IncTo(telemetry.OutboxDropped);
            foreach (var sink in telemetry.Sinks)
            {
                _sinkLag.WithLabels(sink.Name).Set(sink.Lag.TotalSeconds);
                _sinkDelivered.WithLabels(sink.Name).IncTo(sink.Delivered);
                _sinkFailures.WithLabels(sink.Name).IncTo(sink.Failures);
            }
        }

        if (alerts is not null)
        {
            var open = alerts.Open;
            foreach (var severity in Enum.GetValues<AlertSeverity>())
            {
                _alertsOpen.WithLabels(severity.ToString().ToLowerInvariant()).Set(open.Count(a => a.Severity == severity));
            }
        }
    }
}
