using System.Text;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Telemetry.Store.Metrics;
using ProofOfHeat.TestKit.Prometheus;
using Xunit;

namespace ProofOfHeat.Telemetry.Store.Tests.Metrics;

public sealed class BrainMetricsTests
{
    [Fact]
    public async Task The_scrape_parses_with_the_text_format_rules_and_carries_every_figure()
    {
        var telemetry = new FakeTelemetryStatus
        {
            PointsRecorded = 1500,
            QueueDepth = 12,
            QueueDropped = 3,
            OutboxBytes = 65536,
            OutboxPoints = 420,
            OutboxDropped = 7,
            Sinks = [new("store", TimeSpan.FromSeconds(0.5), 1080, 0), new("questdb", TimeSpan.FromMinutes(2), 900, 4)],
        };
        var alerts = new FakeAlerts(AlertSeverity.Critical, AlertSeverity.Warning, AlertSeverity.Warning);
        var metrics = new BrainMetrics(telemetry, alerts);
        var haEvents = 0L;
        metrics.AddCollector(m => m.ObserveEvents("home_assistant", haEvents));
        metrics.ObserveQueue("app:odd \"name\" \\ with\nnewline", null, 2);
        metrics.Connected("mqtt");
        metrics.Connected("mqtt");
        metrics.ObserveConnection("mqtt", connected: true);
        var since = DateTimeOffset.UnixEpoch;
        metrics.ObserveConnection("home_assistant", connected: false, since);
        metrics.ObserveConnection("home_assistant", connected: true, since.AddMinutes(5));
        metrics.ObserveConnection("home_assistant", connected: true, since.AddMinutes(5));
        metrics.ObserveDecision("heating", TimeSpan.FromMilliseconds(4));
        metrics.ObserveDecision("heating", TimeSpan.FromMilliseconds(250));
        haEvents = 12345;

        var families = PrometheusTextParser.Parse(await ScrapeAsync(metrics));
        double Value(string name, params (string Key, string Value)[] labels) =>
            families.SelectMany(f => f.Samples).Single(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Value;

        Assert.All(families.Where(f => f.Name.StartsWith("poh_", StringComparison.Ordinal)), f => Assert.NotNull(f.Help));
        Assert.Equal("counter", families.Single(f => f.Name == "poh_events_in_total").Type);
        Assert.Equal(12345, Value("poh_events_in_total", ("source", "home_assistant")));
        Assert.Equal(12, Value("poh_queue_depth", ("queue", "telemetry")));
        Assert.Equal(3, Value("poh_queue_dropped_total", ("queue", "telemetry")));
        Assert.Equal(2, Value("poh_queue_dropped_total", ("queue", "app:odd \"name\" \\ with\nnewline")));
        Assert.Equal(2, Value("poh_connects_total", ("connection", "mqtt")));
        Assert.Equal(2, Value("poh_connects_total", ("connection", "home_assistant")));
        Assert.Equal(1, Value("poh_connected", ("connection", "home_assistant")));
        Assert.Equal(2, Value("poh_decision_duration_seconds_count", ("app", "heating")));
        Assert.Equal(1, Value("poh_decision_duration_seconds_bucket", ("app", "heating"), ("le", "0.01")));
        Assert.Equal(0.254, Value("poh_decision_duration_seconds_sum", ("app", "heating")), 9);
        Assert.Equal(1500, Value("poh_telemetry_points_recorded_total"));
        Assert.Equal(120, Value("poh_telemetry_sink_lag_seconds", ("sink", "questdb")));
        Assert.Equal(4, Value("poh_telemetry_sink_failures_total", ("sink", "questdb")));
        Assert.Equal(65536, Value("poh_telemetry_outbox_bytes"));
        Assert.Equal(420, Value("poh_telemetry_outbox_points"));
        Assert.Equal(7, Value("poh_telemetry_outbox_dropped_total"));
        Assert.Equal((1, 2, 0), (Value("poh_alerts_open", ("severity", "critical")), Value("poh_alerts_open", ("severity", "warning")), Value("poh_alerts_open", ("severity", "info"))));
    }

    [Fact]
    public async Task Totals_read_at_each_scrape_follow_the_pipeline()
    {
        var telemetry = new FakeTelemetryStatus { OutboxBytes = 10, PointsRecorded = 5 };
        var metrics = new BrainMetrics(telemetry);
        _ = await ScrapeAsync(metrics);
        telemetry.OutboxBytes = 4;
        telemetry.PointsRecorded = 9;

        var samples = PrometheusTextParser.Parse(await ScrapeAsync(metrics)).SelectMany(f => f.Samples).ToList();
        Assert.Equal(4, samples.Single(s => s.Name == "poh_telemetry_outbox_bytes").Value);
        Assert.Equal(9, samples.Single(s => s.Name == "poh_telemetry_points_recorded_total").Value);
    }

    private static async Task<string> ScrapeAsync(BrainMetrics metrics)
    {
        using var body = new MemoryStream();
        await metrics.ExportAsync(body, CancellationToken.None);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    private sealed class FakeTelemetryStatus : ITelemetryStatus
    {
        public long PointsRecorded { get; set; }

        public int QueueDepth { get; set; }

        public long QueueDropped { get; set; }

        public long OutboxBytes { get; set; }

        public long OutboxPoints { get; set; }

        public long OutboxDropped { get; set; }

        public IReadOnlyList<TelemetrySinkStatus> Sinks { get; set; } = [];
    }

    private sealed class FakeAlerts(params AlertSeverity[] open) : IAlerts
    {
        public IReadOnlyList<Alert> Open { get; } = [.. open.Select((severity, i) => new Alert(
            $"a{i}", new AlertRequest($"k{i}", severity, "test", "kind", "title", "message"), AlertState.Raised, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch))];

        public IObservable<AlertActionInvoked> ActionsInvoked => throw new NotSupportedException();

        public ValueTask<Alert> RaiseAsync(AlertRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask ResolveAsync(string key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<bool> AcknowledgeAsync(string key, string by, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
