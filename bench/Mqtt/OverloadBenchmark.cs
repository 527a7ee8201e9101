using System.Diagnostics;
using System.Globalization;
using System.Text;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// Main meter reading → shed command, on the brain's own path: a Zigbee2MQTT meter state over the fuse limit goes
/// through mosquitto into <c>poh run</c>, the safety app's overload rule sheds the heater plug, and its set command
/// comes back through mosquitto. Each trial then lets the meter fall and waits for the plug's restore (at least the
/// policy's 10 s meter lag), answering both commands with the plug's new state as Zigbee2MQTT would.
/// </summary>
internal sealed class OverloadBenchmark : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly Lock _gate = new();
    private TaskCompletionSource<(string Payload, long At)> _next = New();

    private OverloadBenchmark(MqttClient client) => _client = client;

    public static async Task<OverloadBenchmark> ConnectAsync(string host, int port)
    {
        var options = new MqttClientOptions { Host = host, Port = port, ClientId = "poh-bench-overload" };
        var benchmark = new OverloadBenchmark(new MqttClient(options, TimeProvider.System));
        await benchmark._client.ConnectAsync();
        await benchmark._client.SubscribeAsync(BrainConfig.HeaterSetTopic, benchmark.OnHeaterCommand, MqttQualityOfService.AtLeastOnce);
        return benchmark;
    }

    /// <summary>Runs <paramref name="trials"/> overloads; returns each one's reading → shed command latency (ms).</summary>
    public async Task<IReadOnlyList<double>> RunAsync(int trials)
    {
        var latencies = new List<double>();
        await PublishAsync(BrainConfig.HeaterStateTopic, """{"state":"ON"}""");
        await PublishAsync(BrainConfig.MeterTopic, """{"power":2000}""");
        for (var trial = 0; trial < trials; trial++)
        {
            var shed = Arm();
            var readAt = Stopwatch.GetTimestamp();
            await PublishAsync(BrainConfig.MeterTopic, string.Create(CultureInfo.InvariantCulture, $$"""{"power":{{BrainConfig.LimitWatts + 2250}}}"""));
            var (payload, at) = await shed.WaitAsync(TimeSpan.FromSeconds(30));
            latencies.Add((at - readAt) * 1000.0 / Stopwatch.Frequency);
            Console.Error.WriteLine($"  overload trial {trial + 1}: {payload} after {latencies[^1]:0.00} ms");
            var restore = Arm();
            await PublishAsync(BrainConfig.HeaterStateTopic, payload);
            await PublishAsync(BrainConfig.MeterTopic, """{"power":2000}""");
            var (back, _) = await restore.WaitAsync(TimeSpan.FromSeconds(60));
            await PublishAsync(BrainConfig.HeaterStateTopic, back);
            await PublishAsync(BrainConfig.MeterTopic, """{"power":5000}""");
        }

        return latencies;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private Task<(string Payload, long At)> Arm()
    {
        lock (_gate)
        {
            _next = New();
            return _next.Task;
        }
    }

    private async Task PublishAsync(string topic, string payload) =>
        await (await _client.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce)).Delivered;

    private ValueTask OnHeaterCommand(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var at = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _next.TrySetResult((Encoding.UTF8.GetString(message.Payload.Span), at));
        }

        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource<(string Payload, long At)> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
