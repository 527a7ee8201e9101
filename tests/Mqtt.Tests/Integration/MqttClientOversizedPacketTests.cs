using Microsoft.Extensions.Logging;
using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>
/// A message above <see cref="MqttClientOptions.MaxIncomingPacketSize"/> is skipped with one warning per topic; the
/// connection stays up, the next message is delivered, and a skipped QoS 1 message is still acknowledged.
/// </summary>
public sealed class MqttClientOversizedPacketTests
{
    private const int OversizedWarning = 2014;
    private const int Limit = 64 * 1024;
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    [Fact]
    public async Task RetainedMessageAboveTheLimit_FromMosquitto_SkippedWithOneWarningAndNextMessageDelivered()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var publisher = await TestDefaults.ConnectedClientAsync(broker, "bigpub");
        var big = new byte[4 * Limit];
        var retained = await publisher.PublishAsync("big/retained", big, MqttQualityOfService.AtLeastOnce, retain: true);
        await retained.Delivered.WaitAsync(Safety);

        var logger = new RecordingLogger();
        var options = TestDefaults.Options(broker.Host, broker.Port, "small");
        options.MaxIncomingPacketSize = Limit;
        await using var subscriber = new MqttClient(options, TimeProvider.System, logger);
        var disconnects = 0;
        subscriber.Disconnected += (_, _) => Interlocked.Increment(ref disconnects);
        await subscriber.ConnectAsync().WaitAsync(Safety);
        var collector = new MessageCollector();
        await subscriber.SubscribeAsync("big/#", collector.HandleAsync, MqttQualityOfService.AtLeastOnce);
        await logger.WaitForAsync(OversizedWarning).WaitAsync(Safety);

        // The same topic again (live this time), then a normal message: only the normal one reaches the handler.
        var again = await publisher.PublishAsync("big/retained", big, MqttQualityOfService.AtLeastOnce);
        await again.Delivered.WaitAsync(Safety);
        await publisher.PublishAsync("big/next", "small", MqttQualityOfService.AtLeastOnce);

        var next = await collector.NextAsync();
        Assert.Equal("big/next", next.Topic);
        Assert.Equal("small", next.PayloadAsString());
        await logger.WaitForAsync(2015).WaitAsync(Safety);
        var warning = Assert.Single(logger.Lines, l => l.EventId.Id == OversizedWarning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("big/retained", warning.Message, StringComparison.Ordinal);
        Assert.Single(collector.All);
        Assert.Equal(0, Volatile.Read(ref disconnects));
        Assert.True(subscriber.IsConnected);
    }

    [Fact]
    public async Task OversizedQoS1Publish_SplitAcrossWrites_SkippedAcknowledgedAndFollowingPacketDecoded()
    {
        await using var broker = new FakeMqttBroker();
        var logger = new RecordingLogger();
        var options = TestDefaults.Options("127.0.0.1", broker.Port, "fake");
        options.MaxIncomingPacketSize = 100;
        await using var client = new MqttClient(options, TimeProvider.System, logger);
        var collector = new MessageCollector();
        await client.SubscribeAsync("s/#", collector.HandleAsync, MqttQualityOfService.AtLeastOnce);
        var connecting = client.ConnectAsync();
        var connection = await broker.AcceptAndConnAckAsync(Safety);
        var subscribe = await connection.ReadUntilAsync(8, Safety);
        await connection.SendAsync([0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x01]);
        await connecting.WaitAsync(Safety);

        // PUBLISH QoS 1 retained (0x33), Remaining Length 1000 (0xE8 0x07), topic "s/big", packet id 0x1234, payload.
        var oversized = new List<byte> { 0x33, 0xE8, 0x07, 0x00, 0x05 };
        oversized.AddRange("s/big"u8.ToArray());
        oversized.AddRange([0x12, 0x34]);
        oversized.AddRange(Enumerable.Repeat((byte)0xAB, 1000 - 2 - 5 - 2));
        byte[] small = [0x30, 0x08, 0x00, 0x03, (byte)'s', (byte)'/', (byte)'t', (byte)'a', (byte)'b', (byte)'c'];

        // Cut inside the Remaining Length, inside the topic, inside the payload; the tail and the next packet together.
        var bytes = oversized.Concat(small).ToArray();
        int[] cuts = [2, 6, 300, 700, bytes.Length];
        var start = 0;
        foreach (var cut in cuts)
        {
            await connection.SendAsync(bytes[start..cut]);
            start = cut;
        }

        var ack = await connection.ReadUntilAsync(4, Safety);
        Assert.Equal(new byte[] { 0x12, 0x34 }, ack.Body);
        var message = await collector.NextAsync();
        Assert.Equal("s/t", message.Topic);
        Assert.Equal("abc", message.PayloadAsString());
        var warning = Assert.Single(logger.Lines, l => l.EventId.Id == OversizedWarning);
        Assert.Contains("1000 bytes on 's/big'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, broker.ConnectionCount);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task OversizedMessageWithLongTopic_WarningCutsTheTopic()
    {
        await using var broker = new FakeMqttBroker();
        var logger = new RecordingLogger();
        var options = TestDefaults.Options("127.0.0.1", broker.Port, "fake");
        options.MaxIncomingPacketSize = 100;
        await using var client = new MqttClient(options, TimeProvider.System, logger);
        await client.SubscribeAsync("#", (_, _) => ValueTask.CompletedTask, MqttQualityOfService.AtMostOnce);
        var connecting = client.ConnectAsync();
        var connection = await broker.AcceptAndConnAckAsync(Safety);
        var subscribe = await connection.ReadUntilAsync(8, Safety);
        await connection.SendAsync([0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x00]);
        await connecting.WaitAsync(Safety);

        // QoS 0 PUBLISH whose 5,000-byte topic alone exceeds the limit: Remaining Length 5,010 (0x92 0x27).
        var packet = new List<byte> { 0x30, 0x92, 0x27, 0x13, 0x88 };
        packet.AddRange(Enumerable.Repeat((byte)'t', 5000));
        packet.AddRange(new byte[8]);
        await connection.SendAsync([.. packet]);

        var warning = await logger.WaitForAsync(OversizedWarning).WaitAsync(Safety);
        Assert.True(warning.Length < 500, warning);
        Assert.Equal(1, broker.ConnectionCount);
    }
}
