using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.Telemetry.Store.Metrics;
using ProofOfHeat.TestKit.Prometheus;

namespace ProofOfHeat.Host.Tests.Api;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_answers_the_prometheus_text_format_with_the_runtime_and_the_pipeline()
    {
        await using var brain = await RunningBrain.StartAsync(services =>
            services.AddSingleton<ITelemetryStatus>(new Status()));

        var response = await brain.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var samples = PrometheusTextParser.Parse(await response.Content.ReadAsStringAsync()).SelectMany(f => f.Samples).ToList();
        Assert.Contains(samples, s => s.Name == "poh_events_in_total" && s.Labels["source"] == "home_assistant");
        Assert.Contains(samples, s => s.Name == "poh_connected" && s.Labels["connection"] == "home_assistant");
        Assert.Equal(2048, samples.Single(s => s.Name == "poh_telemetry_outbox_bytes").Value);
        Assert.Equal(30, samples.Single(s => s.Name == "poh_telemetry_sink_lag_seconds" && s.Labels["sink"] == "questdb").Value);
    }

    [Fact]
    public async Task Metrics_refuses_other_methods()
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await brain.Client.PostAsync(new Uri("/metrics", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private sealed class Status : ITelemetryStatus
    {
        public long PointsRecorded => 10;

        public int QueueDepth => 1;

        public long QueueDropped => 0;

        public long OutboxBytes => 2048;

        public long OutboxPoints => 5;

        public long OutboxDropped => 0;

        public IReadOnlyList<TelemetrySinkStatus> Sinks { get; } = [new("questdb", TimeSpan.FromSeconds(30), 5, 1)];
    }
}
