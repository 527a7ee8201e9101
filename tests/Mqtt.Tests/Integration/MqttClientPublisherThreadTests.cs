using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>
/// The idle writer resumes on the publishing thread (one hop less to the socket). It must not adopt that thread's
/// synchronization context: an app on a UI-like context would otherwise run the client's writer.
/// </summary>
public sealed class MqttClientPublisherThreadTests
{
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    [Fact]
    public async Task PublishFromThreadWithSynchronizationContext_WriterNeverPostsToIt_AllDelivered()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        // A small in-flight window makes the writer wait for PUBACKs while the publisher's thread is feeding it.
        await using var client = await TestDefaults.ConnectedClientAsync(broker, "ctx", o => o.MaxInflightMessages = 4);
        var context = new CountingSynchronizationContext();
        var receipts = new List<Task>();
        var publisher = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            for (var i = 0; i < 2000; i++)
            {
                receipts.Add(client.PublishAsync("ctx/t", $"m{i}", MqttQualityOfService.AtLeastOnce).AsTask().Result.Delivered);
            }
        });

        publisher.Start();
        publisher.Join(Safety);

        await Task.WhenAll(receipts).WaitAsync(Safety);
        Assert.Equal(2000, receipts.Count);
        Assert.Equal(0, context.Posted);
    }
}
