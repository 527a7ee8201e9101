using System.Diagnostics;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// Publish throughput through the broker: one client of ours publishes as fast as it can, another of ours
/// subscribes; the rate is messages received over the time from the first publish to the last message in (for
/// QoS 1 also until the last PUBACK). Messages are 64 bytes on a Zigbee2MQTT-like topic.
/// </summary>
internal static class ThroughputBenchmark
{
    private const string Topic = "zigbee2mqtt/bench_sensor";
    private static readonly byte[] Payload = new byte[64];

    public static async Task<ThroughputRun> RunAsync(string host, int port, MqttQualityOfService qualityOfService, int count)
    {
        // The queue holds the whole burst: this measures the pipe, not the drop policy of a bounded queue.
        var publisherOptions = new MqttClientOptions { Host = host, Port = port, ClientId = "poh-bench-pub", MaxQueuedMessages = count + 1 };
        var subscriberOptions = new MqttClientOptions { Host = host, Port = port, ClientId = "poh-bench-sub", IncomingQueueCapacity = 10_000 };
        await using var publisher = new MqttClient(publisherOptions, TimeProvider.System);
        await using var subscriber = new MqttClient(subscriberOptions, TimeProvider.System);
        await publisher.ConnectAsync();
        await subscriber.ConnectAsync();
        var received = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.SubscribeAsync(
            Topic,
            (_, _) =>
            {
                if (Interlocked.Increment(ref received) == count)
                {
                    all.TrySetResult();
                }

                return ValueTask.CompletedTask;
            },
            qualityOfService);

        var cpuAtStart = ProcessCpu.Read(Environment.ProcessId);
        var allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        Task lastDelivery = Task.CompletedTask;
        for (var i = 0; i < count; i++)
        {
            lastDelivery = (await publisher.PublishAsync(Topic, Payload, qualityOfService)).Delivered;
        }

        await WaitWhileProgressingAsync(all.Task, () => Volatile.Read(ref received));
        await lastDelivery.WaitAsync(TimeSpan.FromSeconds(30));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = ProcessCpu.Read(Environment.ProcessId) - cpuAtStart;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart;
        var got = Volatile.Read(ref received);
        return new ThroughputRun(count, got, got / elapsed.TotalSeconds, cpu.TotalMilliseconds * 1000 / count, (double)allocated / count);
    }

    /// <summary>Waits for <paramref name="done"/>, giving up once the count stalls for two seconds (messages lost).</summary>
    private static async Task WaitWhileProgressingAsync(Task done, Func<int> progress)
    {
        var last = progress();
        while (!done.IsCompleted)
        {
            await Task.WhenAny(done, Task.Delay(2000));
            var now = progress();
            if (now == last)
            {
                return;
            }

            last = now;
        }
    }
}
