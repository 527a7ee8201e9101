using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>The broker killed (SIGKILL) while a stream of QoS 1 messages is flowing, then started again.</summary>
public sealed class MqttClientOutageTests
{
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    [Fact]
    public async Task BrokerKilledMidStream_PublisherNeverBlocks_EveryMessageFromTheKillOnDeliveredInOrder()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestDefaults.ConnectedClientAsync(broker, "stream");
        var collector = new MessageCollector();
        await client.SubscribeAsync("stream/t", collector.HandleAsync, MqttQualityOfService.AtLeastOnce);
        var receipts = new List<Task>();
        var next = 0;
        async Task PublishAsync(int count)
        {
            for (var i = 0; i < count; i++, next++)
            {
                var publish = client.PublishAsync("stream/t", $"m{next}", MqttQualityOfService.AtLeastOnce);
                Assert.True(publish.IsCompleted, "PublishAsync waited for the network.");
                receipts.Add((await publish).Delivered);
            }
        }

        await PublishAsync(300);
        await collector.TakeAsync(50);
        var disconnected = TestDefaults.NextDisconnect(client);
        await broker.KillAsync();
        var firstAfterKill = next;
        await PublishAsync(300);
        await disconnected.WaitAsync(Safety);
        await PublishAsync(300);
        var reconnected = TestDefaults.NextConnect(client);
        await broker.StartAsync();
        await reconnected.WaitAsync(Safety);
        await PublishAsync(300);

        await Task.WhenAll(receipts).WaitAsync(Safety);
        var payloads = new List<string>();
        while (!payloads.Contains($"m{next - 1}"))
        {
            payloads.Add((await collector.NextAsync()).PayloadAsString());
        }

        // Messages the dead broker had acknowledged but not yet forwarded are lost with it; everything published
        // from the kill on was queued or in flight in the client and must arrive, in order (duplicates allowed).
        var expected = Enumerable.Range(firstAfterKill, next - firstAfterKill).Select(i => $"m{i}").ToList();
        var received = payloads.Where(expected.Contains).Distinct().ToList();
        Assert.Equal(expected, received);
        Assert.Equal(0, client.DroppedMessageCount);
        Assert.Equal(0, client.InflightMessageCount);
    }
}
