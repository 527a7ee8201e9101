using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>CONNECT's clean-session flag and the incoming QoS 1 PUBACK, as a real mosquitto sees them.</summary>
public sealed class MqttClientMosquittoSessionTests
{
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    [Fact]
    public async Task CleanSessionOff_Reconnect_SessionPresentAndQoS1SentWhileAwayDelivered()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var clientId = $"persistent-{Guid.NewGuid():N}"[..24];
        await using (var first = await TestDefaults.ConnectedClientAsync(broker, "p1", o => Persistent(o, clientId)))
        {
            await first.SubscribeAsync("session/t", (_, _) => ValueTask.CompletedTask, MqttQualityOfService.AtLeastOnce);
            await first.DisconnectAsync();
        }

        await using var publisher = await TestDefaults.ConnectedClientAsync(broker, "pub");
        for (var i = 0; i < 3; i++)
        {
            await (await publisher.PublishAsync("session/t", $"away-{i}", MqttQualityOfService.AtLeastOnce)).Delivered.WaitAsync(Safety);
        }

        await using var second = TestDefaults.Client(broker, "p2", o => Persistent(o, clientId));
        var collector = new MessageCollector();
        await second.SubscribeAsync("session/t", collector.HandleAsync, MqttQualityOfService.AtLeastOnce);
        var sessionPresent = NextSessionPresent(second);
        await second.ConnectAsync().WaitAsync(Safety);

        Assert.True(await sessionPresent);
        Assert.Equal(["away-0", "away-1", "away-2"], (await collector.TakeAsync(3)).Select(m => m.PayloadAsString()));
    }

    [Fact]
    public async Task CleanSessionOn_Reconnect_BrokerForgotTheOldSession()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var clientId = $"clean-{Guid.NewGuid():N}"[..24];
        await using (var first = await TestDefaults.ConnectedClientAsync(broker, "c1", o => Persistent(o, clientId)))
        {
            await first.SubscribeAsync("clean/t", (_, _) => ValueTask.CompletedTask, MqttQualityOfService.AtLeastOnce);
            await first.DisconnectAsync();
        }

        await using var publisher = await TestDefaults.ConnectedClientAsync(broker, "pub");
        await (await publisher.PublishAsync("clean/t", "old", MqttQualityOfService.AtLeastOnce)).Delivered.WaitAsync(Safety);

        await using var second = TestDefaults.Client(broker, "c2", o => o.ClientId = clientId);
        var collector = new MessageCollector();
        await second.SubscribeAsync("clean/t", collector.HandleAsync, MqttQualityOfService.AtLeastOnce);
        var sessionPresent = NextSessionPresent(second);
        await second.ConnectAsync().WaitAsync(Safety);
        await publisher.PublishAsync("clean/t", "new", MqttQualityOfService.AtLeastOnce);

        Assert.False(await sessionPresent);
        Assert.Equal("new", (await collector.NextAsync()).PayloadAsString());
    }

    [Fact]
    public async Task IncomingQoS1_Acknowledged_NotRedeliveredAfterReconnect()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var clientId = $"acker-{Guid.NewGuid():N}"[..24];
        await using var subscriber = TestDefaults.Client(broker, "acker", o => Persistent(o, clientId));
        var collector = new MessageCollector();
        await subscriber.SubscribeAsync("ack/t", collector.HandleAsync, MqttQualityOfService.AtLeastOnce);
        await subscriber.ConnectAsync().WaitAsync(Safety);
        await using var publisher = await TestDefaults.ConnectedClientAsync(broker, "pub");
        for (var i = 0; i < 5; i++)
        {
            await publisher.PublishAsync("ack/t", $"m{i}", MqttQualityOfService.AtLeastOnce);
        }

        await collector.TakeAsync(5);
        var reconnected = NextSessionPresent(subscriber);
        subscriber.AbortConnection();
        Assert.True(await reconnected);
        await publisher.PublishAsync("ack/t", "marker", MqttQualityOfService.AtLeastOnce);

        // Had the client not sent PUBACK, mosquitto would resend m0..m4 with DUP on the resumed session first.
        var next = await collector.NextAsync();
        Assert.Equal("marker", next.PayloadAsString());
        Assert.False(next.Duplicate);
    }

    private static void Persistent(MqttClientOptions options, string clientId)
    {
        options.ClientId = clientId;
        options.CleanSession = false;
    }

    private static Task<bool> NextSessionPresent(MqttClient client)
    {
        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, e) => completion.TrySetResult(e.SessionPresent);
        return completion.Task.WaitAsync(Safety);
    }
}
