using System.Text;
using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>The client against a real mosquitto on loopback (scripts/install-mqtt-test-deps.sh installs it).</summary>
public sealed class MqttClientMosquittoTests
{
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    [Fact]
    public async Task PublishAsync_QoS0_DeliveredToSubscriberInOrder()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await TestDefaults.ConnectedClientAsync(broker, "sub");
        await using var publisher = await TestDefaults.ConnectedClientAsync(broker, "pub");
        var collector = new MessageCollector();
        await subscriber.SubscribeAsync("test/qos0", collector.HandleAsync, MqttQualityOfService.AtMostOnce);

        for (var i = 0; i < 50; i++)
        {
            await publisher.PublishAsync("test/qos0", $"m{i}");
        }

        var received = await collector.TakeAsync(50);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"m{i}"), received.Select(m => m.PayloadAsString()));
        Assert.All(received, m => Assert.Equal(MqttQualityOfService.AtMostOnce, m.QualityOfService));
    }

    [Fact]
    public async Task PublishAsync_QoS1_AcknowledgedAndDeliveredInOrder()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await TestDefaults.ConnectedClientAsync(broker, "sub");
        await using var publisher = await TestDefaults.ConnectedClientAsync(broker, "pub");
        var collector = new MessageCollector();
        await subscriber.SubscribeAsync("test/qos1", collector.HandleAsync, MqttQualityOfService.AtLeastOnce);

        var receipts = new List<Task>();
        for (var i = 0; i < 1000; i++)
        {
            receipts.Add((await publisher.PublishAsync("test/qos1", $"m{i}", MqttQualityOfService.AtLeastOnce)).Delivered);
        }

        await Task.WhenAll(receipts).WaitAsync(Safety);
        var received = await collector.TakeAsync(1000);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"m{i}"), received.Select(m => m.PayloadAsString()));
        Assert.All(received, m => Assert.Equal(MqttQualityOfService.AtLeastOnce, m.QualityOfService));
        Assert.Equal(0, publisher.InflightMessageCount);
    }

    [Fact]
    public async Task SubscribeAsync_LateSubscriber_GetsRetainedMessage()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var publisher = await TestDefaults.ConnectedClientAsync(broker, "pub");
        var receipt = await publisher.PublishAsync("test/retained", "kept", MqttQualityOfService.AtLeastOnce, retain: true);
        await receipt.Delivered.WaitAsync(Safety);

        await using var late = await TestDefaults.ConnectedClientAsync(broker, "late");
        var collector = new MessageCollector();
        await late.SubscribeAsync("test/retained", collector.HandleAsync);

        var message = await collector.NextAsync();
        Assert.Equal("kept", message.PayloadAsString());
        Assert.True(message.Retain);
    }

    [Fact]
    public async Task SubscribeAsync_Wildcards_RouteOnlyMatchingTopicsToEachHandler()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestDefaults.ConnectedClientAsync(broker, "wild");
        await using var hashClient = await TestDefaults.ConnectedClientAsync(broker, "hash");
        var plus = new MessageCollector();
        var other = new MessageCollector();
        var hash = new MessageCollector();
        await client.SubscribeAsync("home/+/temp", plus.HandleAsync);
        await client.SubscribeAsync("garden/#", other.HandleAsync);
        await hashClient.SubscribeAsync("home/#", hash.HandleAsync);

        foreach (var topic in new[] { "home/kitchen/temp", "home/kitchen/humidity", "home", "home/hall/temp", "garden/bed/1/moisture" })
        {
            await (await client.PublishAsync(topic, topic, MqttQualityOfService.AtLeastOnce)).Delivered.WaitAsync(Safety);
        }

        Assert.Equal(new[] { "home/kitchen/temp", "home/hall/temp" }, (await plus.TakeAsync(2)).Select(m => m.Topic));
        Assert.Equal("garden/bed/1/moisture", (await other.NextAsync()).Topic);
        Assert.Equal(
            new[] { "home/kitchen/temp", "home/kitchen/humidity", "home", "home/hall/temp" },
            (await hash.TakeAsync(4)).Select(m => m.Topic));
        Assert.Equal(2, plus.All.Count);
    }

    [Fact]
    public async Task Unsubscribe_DisposedSubscription_StopsDelivery()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestDefaults.ConnectedClientAsync(broker, "unsub");
        var first = new MessageCollector();
        var marker = new MessageCollector();
        var subscription = await client.SubscribeAsync("u/a", first.HandleAsync);
        await client.SubscribeAsync("u/marker", marker.HandleAsync);

        await subscription.DisposeAsync();
        await client.PublishAsync("u/a", "after", MqttQualityOfService.AtLeastOnce);
        await client.PublishAsync("u/marker", "done", MqttQualityOfService.AtLeastOnce);

        await marker.NextAsync();
        Assert.Empty(first.All);
    }

    [Fact]
    public async Task LastWill_ClientSocketKilled_BrokerPublishesWill()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var observer = await TestDefaults.ConnectedClientAsync(broker, "observer");
        var wills = new MessageCollector();
        await observer.SubscribeAsync("poh/status", wills.HandleAsync);
        await using var brain = await TestDefaults.ConnectedClientAsync(broker, "brain", o =>
        {
            o.LastWill = new MqttLastWill("poh/status", Encoding.UTF8.GetBytes("offline"), MqttQualityOfService.AtLeastOnce, Retain: false);
            o.ReconnectDelay = TimeSpan.FromSeconds(1);
            o.MaxReconnectDelay = TimeSpan.FromSeconds(1);
        });

        brain.AbortConnection();

        var will = await wills.NextAsync();
        Assert.Equal("offline", will.PayloadAsString());
    }

    [Fact]
    public async Task DisconnectAsync_Clean_WillNotPublished()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var observer = await TestDefaults.ConnectedClientAsync(broker, "observer");
        var collector = new MessageCollector();
        await observer.SubscribeAsync("poh/#", collector.HandleAsync);
        var brain = await TestDefaults.ConnectedClientAsync(broker, "brain", o =>
            o.LastWill = new MqttLastWill("poh/status", Encoding.UTF8.GetBytes("offline")));

        await brain.DisconnectAsync();
        await observer.PublishAsync("poh/marker", "m", MqttQualityOfService.AtLeastOnce);

        Assert.Equal("poh/marker", (await collector.NextAsync()).Topic);
        Assert.DoesNotContain(collector.All, m => m.Topic == "poh/status");
        await brain.DisposeAsync();
    }

    [Fact]
    public async Task ConnectAsync_BadPassword_ThrowsAuthenticationExceptionAndStops()
    {
        await using var broker = await MosquittoBroker.StartAsync("brain", "right");
        await using var client = TestDefaults.Client(broker, "auth", o =>
        {
            o.UserName = "brain";
            o.Password = "wrong";
        });

        var ex = await Assert.ThrowsAsync<MqttAuthenticationException>(() => client.ConnectAsync().WaitAsync(Safety));

        Assert.False(ex.IsTransient);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await client.PublishAsync("a", "b"));
    }

    [Fact]
    public async Task ConnectAsync_RightPassword_Connects()
    {
        await using var broker = await MosquittoBroker.StartAsync("brain", "right");
        await using var client = TestDefaults.Client(broker, "auth", o =>
        {
            o.UserName = "brain";
            o.Password = "right";
        });

        await client.ConnectAsync().WaitAsync(Safety);

        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task BrokerKilledAndRestarted_QoS1PublishedDuringOutage_AllDeliveredAfterResubscribe()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await TestDefaults.ConnectedClientAsync(broker, "outage");
        var collector = new MessageCollector();
        await client.SubscribeAsync("outage/#", collector.HandleAsync, MqttQualityOfService.AtLeastOnce);
        for (var i = 0; i < 100; i++)
        {
            await client.PublishAsync($"outage/{i % 3}", $"before-{i}", MqttQualityOfService.AtLeastOnce);
        }

        Assert.Equal(100, (await collector.TakeAsync(100)).Count);

        var disconnected = TestDefaults.NextDisconnect(client);
        await broker.KillAsync();
        await disconnected.WaitAsync(Safety);
        var receipts = new List<Task>();
        for (var i = 0; i < 500; i++)
        {
            receipts.Add((await client.PublishAsync($"outage/{i % 3}", $"during-{i}", MqttQualityOfService.AtLeastOnce)).Delivered);
        }

        Assert.False(client.IsConnected);
        Assert.All(receipts, r => Assert.False(r.IsCompleted));
        var reconnected = TestDefaults.NextConnect(client);
        await broker.StartAsync();
        await reconnected.WaitAsync(Safety);
        await Task.WhenAll(receipts).WaitAsync(Safety);

        var after = await collector.TakeAsync(500);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"during-{i}"), after.Select(m => m.PayloadAsString()));
        Assert.Equal(0, client.DroppedMessageCount);
    }

    [Fact]
    public async Task OutgoingQueue_OverBoundDuringOutage_DropsOldestAndCountsThem()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await broker.KillAsync();
        var logger = new RecordingLogger();
        var options = TestDefaults.Options(broker.Host, broker.Port, "bounded");
        options.MaxQueuedMessages = 10;
        await using var client = new MqttClient(options, TimeProvider.System, logger);
        var collector = new MessageCollector();
        await client.SubscribeAsync("bounded/t", collector.HandleAsync);
        var connecting = client.ConnectAsync();

        var receipts = new List<Task>();
        for (var i = 0; i < 25; i++)
        {
            receipts.Add((await client.PublishAsync("bounded/t", $"m{i}", MqttQualityOfService.AtLeastOnce)).Delivered);
        }

        Assert.Equal(15, client.DroppedMessageCount);
        Assert.Equal(10, client.QueuedMessageCount);
        foreach (var dropped in receipts.Take(15))
        {
            await Assert.ThrowsAsync<MqttMessageDroppedException>(() => dropped);
        }

        await broker.StartAsync();
        await connecting.WaitAsync(Safety);
        await Task.WhenAll(receipts.Skip(15)).WaitAsync(Safety);
        var received = await collector.TakeAsync(10);
        Assert.Equal(Enumerable.Range(15, 10).Select(i => $"m{i}"), received.Select(m => m.PayloadAsString()));

        // The first drop is logged at once; the rest are summed up at the latest when the connection comes back.
        await logger.WaitForAsync((id, message) => id.Id == 2004 && message.Contains("15 in total", StringComparison.Ordinal));
        Assert.Equal(15, logger.Lines.Where(l => l.EventId.Id == 2004).Sum(l => DroppedIn(l.Message)));
    }

    private static int DroppedIn(string logMessage)
    {
        var match = System.Text.RegularExpressions.Regex.Match(logMessage, @"dropped (\d+) oldest");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
