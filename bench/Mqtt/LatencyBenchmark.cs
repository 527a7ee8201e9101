using System.Diagnostics;
using System.Text;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// Sensor message → rule → valve command, timed by a separate measuring client (ours): it publishes Zigbee2MQTT
/// leak states at a fixed rate and timestamps every <c>{"state":"OFF"}</c> that comes back. The rule keeps order
/// (one connection each way), so the n-th command answers the n-th event.
/// </summary>
internal sealed class LatencyBenchmark : IAsyncDisposable
{
    private static readonly byte[] SensorPayload = Encoding.UTF8.GetBytes(
        """{"battery":97,"battery_low":false,"device_temperature":22,"linkquality":132,"power_outage_count":3,"tamper":false,"voltage":2995,"water_leak":true}""");

    private static readonly byte[] DrySensorPayload = Encoding.UTF8.GetBytes(
        """{"battery":97,"battery_low":false,"device_temperature":22,"linkquality":132,"power_outage_count":3,"tamper":false,"voltage":2995,"water_leak":false}""");

    private static readonly byte[] ValveClosedState = Encoding.UTF8.GetBytes("""{"state":"OFF"}""");

    private readonly MqttClient _client;
    private long[] _sentAt = [];
    private long[] _receivedAt = [];
    private int _received;

    private LatencyBenchmark(MqttClient client, bool alternate)
    {
        _client = client;
        _alternate = alternate;
    }

    private readonly bool _alternate;

    /// <summary>
    /// Connects the measuring client. With <paramref name="alternate"/> each leak event is preceded by a dry state in
    /// the same slot (a rule that acts on the sensor going wet needs it to have been dry; a rule that acts on every
    /// wet message ignores it), and every valve command is answered with the valve's new state on
    /// <c>zigbee2mqtt/valve_main</c>, as Zigbee2MQTT reports a device after a set, so a rule that reads back sees it.
    /// </summary>
    public static async Task<LatencyBenchmark> ConnectAsync(string host, int port, bool alternate = false)
    {
        var options = new MqttClientOptions { Host = host, Port = port, ClientId = "poh-bench-measure", MaxQueuedMessages = 100_000 };
        var benchmark = new LatencyBenchmark(new MqttClient(options, TimeProvider.System), alternate);
        await benchmark._client.ConnectAsync();
        await benchmark._client.SubscribeAsync(LeakValveRule.ValveTopic, benchmark.OnValveCommand, MqttQualityOfService.AtLeastOnce);
        return benchmark;
    }

    /// <summary>Sends single events until the rule answers, then a second of load to warm both sides up.</summary>
    public async Task WarmUpAsync(int eventsPerSecond)
    {
        Reset(1_000_000);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (Volatile.Read(ref _received) == 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("The rule never answered a leak event.");
            }

            if (_alternate)
            {
                await _client.PublishAsync(LeakValveRule.SensorTopic, DrySensorPayload);
            }

            await _client.PublishAsync(LeakValveRule.SensorTopic, SensorPayload);
            await Task.Delay(50);
        }

        await RunAsync(eventsPerSecond, TimeSpan.FromSeconds(1));
    }

    /// <summary>One measured run at <paramref name="eventsPerSecond"/> for <paramref name="duration"/>.</summary>
    public async Task<LatencyRun> RunAsync(int eventsPerSecond, TimeSpan duration)
    {
        await DrainAsync();
        var count = (int)(eventsPerSecond * duration.TotalSeconds);
        Reset(count);
        var started = Stopwatch.GetTimestamp();
        await Task.Factory.StartNew(() => Send(count, eventsPerSecond), TaskCreationOptions.LongRunning);
        var sendSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await WaitForAsync(count);
        var received = Math.Min(Volatile.Read(ref _received), count);
        var latencies = new double[received];
        for (var i = 0; i < received; i++)
        {
            latencies[i] = (_receivedAt[i] - _sentAt[i]) * 1000.0 / Stopwatch.Frequency;
        }

        Array.Sort(latencies);
        return new LatencyRun(
            count,
            received,
            Statistics.Percentile(latencies, 0.50),
            Statistics.Percentile(latencies, 0.99),
            latencies.Length == 0 ? double.NaN : latencies[^1],
            count / sendSeconds);
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    /// <summary>
    /// Paces events on an absolute schedule: sleeps ~1 ms between checks (no spinning: the machine is shared) and
    /// sends every event that has come due, so the average rate is exact and bursts stay at one or two events.
    /// </summary>
    private void Send(int count, int eventsPerSecond)
    {
        var start = Stopwatch.GetTimestamp();
        var ticksPerEvent = (double)Stopwatch.Frequency / eventsPerSecond;
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * ticksPerEvent);
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
            }

            if (_alternate)
            {
                EnsureQueued(_client.PublishAsync(LeakValveRule.SensorTopic, DrySensorPayload));
            }

            _sentAt[i] = Stopwatch.GetTimestamp();
            var publish = _client.PublishAsync(LeakValveRule.SensorTopic, SensorPayload);
            if (!publish.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("PublishAsync is expected to queue synchronously.");
            }
        }
    }

    private ValueTask OnValveCommand(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        var index = Interlocked.Increment(ref _received) - 1;
        var slots = Volatile.Read(ref _receivedAt);
        if (index < slots.Length)
        {
            slots[index] = now;
        }

        if (_alternate)
        {
            // Queued, not awaited: the valve's answer must not hold up the timestamping of the next command.
            EnsureQueued(_client.PublishAsync(LeakValveRule.ValveStateTopic, ValveClosedState, cancellationToken: cancellationToken));
        }

        return ValueTask.CompletedTask;
    }

    private static void EnsureQueued(ValueTask<MqttPublishReceipt> publish)
    {
        if (!publish.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("PublishAsync is expected to queue synchronously.");
        }

        _ = publish.Result;
    }

    private void Reset(int count)
    {
        _sentAt = new long[count];
        Volatile.Write(ref _receivedAt, new long[count]);
        Volatile.Write(ref _received, 0);
    }

    /// <summary>Waits until every command is in, or until none arrived for two seconds.</summary>
    private async Task WaitForAsync(int count)
    {
        var last = Volatile.Read(ref _received);
        var quietSince = Stopwatch.GetTimestamp();
        while (last < count && Stopwatch.GetElapsedTime(quietSince) < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(10);
            var now = Volatile.Read(ref _received);
            if (now != last)
            {
                last = now;
                quietSince = Stopwatch.GetTimestamp();
            }
        }
    }

    /// <summary>Lets stragglers of the previous run arrive before counting restarts.</summary>
    private async Task DrainAsync()
    {
        var last = -1;
        while (Volatile.Read(ref _received) != last)
        {
            last = Volatile.Read(ref _received);
            await Task.Delay(200);
        }
    }
}
