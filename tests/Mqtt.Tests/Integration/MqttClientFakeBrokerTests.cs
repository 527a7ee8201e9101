using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>The client against a scriptable fake broker: garbage, partial frames, refusals, silence.</summary>
public sealed class MqttClientFakeBrokerTests
{
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    private static MqttClient Client(FakeMqttBroker broker, TimeProvider? time = null, Action<MqttClientOptions>? configure = null)
    {
        var options = TestDefaults.Options("127.0.0.1", broker.Port, "fake");
        configure?.Invoke(options);
        return new MqttClient(options, time ?? TimeProvider.System);
    }

    public static TheoryData<string, string> Garbage => new()
    {
        { "reserved packet type", "F0000102" },
        { "malformed remaining length", "30FFFFFFFF01" },
        { "PUBLISH with QoS 3", "36050001740001" },
        { "second CONNACK", "20020000" },
        { "random noise", "0C8F3E7711DEADBEEF00112233445566778899AABBCCDDEEFF" },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Garbage_FromBroker_ClientDropsConnectionAndReconnects(string what, string hex)
    {
        await using var broker = new FakeMqttBroker();
        await using var client = Client(broker);
        var connecting = client.ConnectAsync();
        var first = await broker.AcceptAndConnAckAsync(Safety);
        await connecting.WaitAsync(Safety);
        var reconnected = TestDefaults.NextConnect(client);

        await first.SendAsync(Convert.FromHexString(hex));

        var second = await broker.AcceptAndConnAckAsync(Safety);
        await reconnected.WaitAsync(Safety);
        Assert.True(client.IsConnected, what);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task PartialFrameThenAbruptClose_ClientReconnects()
    {
        await using var broker = new FakeMqttBroker();
        await using var client = Client(broker);
        var connecting = client.ConnectAsync();
        var first = await broker.AcceptAndConnAckAsync(Safety);
        await connecting.WaitAsync(Safety);
        var reconnected = TestDefaults.NextConnect(client);

        await first.SendAsync([0x30, 0x20, 0x00, 0x03, 0x61]);
        first.CloseAbruptly();

        await broker.AcceptAndConnAckAsync(Safety);
        await reconnected.WaitAsync(Safety);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task PacketSplitAcrossWrites_IsReassembledAndDelivered()
    {
        await using var broker = new FakeMqttBroker();
        await using var client = Client(broker);
        var collector = new MessageCollector();
        await client.SubscribeAsync("s/t", collector.HandleAsync, MqttQualityOfService.AtMostOnce);
        var connecting = client.ConnectAsync();
        var connection = await broker.AcceptAndConnAckAsync(Safety);
        var subscribe = await connection.ReadUntilAsync(8, Safety);
        await connection.SendAsync([0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x00]);
        await connecting.WaitAsync(Safety);

        byte[] publish = [0x30, 0x08, 0x00, 0x03, (byte)'s', (byte)'/', (byte)'t', (byte)'a', (byte)'b', (byte)'c'];
        foreach (var b in publish)
        {
            await connection.SendAsync([b]);
        }

        Assert.Equal("abc", (await collector.NextAsync()).PayloadAsString());
    }

    [Fact]
    public async Task StalledBroker_NoPingResp_DetectedByKeepAliveAndReconnects()
    {
        var time = new FakeTimeProvider();
        await using var broker = new FakeMqttBroker();
        await using var client = Client(broker, time, o =>
        {
            o.KeepAlive = TimeSpan.FromSeconds(10);
            o.ReconnectDelay = TimeSpan.FromSeconds(1);
            o.MaxReconnectDelay = TimeSpan.FromSeconds(1);
        });
        var connecting = client.ConnectAsync();
        var stalled = await broker.AcceptAndConnAckAsync(Safety);
        await connecting.WaitAsync(Safety);
        var start = time.GetUtcNow();
        var disconnected = TestDefaults.NextDisconnect(client);
        var ping = stalled.ReadUntilAsync(12, Safety);

        await AdvanceUntilAsync(time, TimeSpan.FromSeconds(1), ping);
        Assert.InRange(time.GetUtcNow() - start, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(10));

        await AdvanceUntilAsync(time, TimeSpan.FromSeconds(1), disconnected);
        Assert.InRange(time.GetUtcNow() - start, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(18));

        var second = broker.AcceptAndConnAckAsync(Safety);
        await AdvanceUntilAsync(time, TimeSpan.FromSeconds(1), second);
        Assert.Equal(2, broker.ConnectionCount);
    }

    [Fact]
    public async Task ConnAck_ServerUnavailable_RetriesWithBackoff()
    {
        await using var broker = new FakeMqttBroker();
        await using var client = Client(broker);
        var connecting = client.ConnectAsync();

        await broker.AcceptAndConnAckAsync(Safety, returnCode: 3);
        await broker.AcceptAndConnAckAsync(Safety, returnCode: 0);

        await connecting.WaitAsync(Safety);
        Assert.True(client.IsConnected);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task ConnAck_BadCredentials_ThrowsAuthenticationExceptionOnceAndNeverRetries(byte code)
    {
        var time = new FakeTimeProvider();
        await using var broker = new FakeMqttBroker();
        await using var client = Client(broker, time);
        var connecting = client.ConnectAsync();

        await broker.AcceptAndConnAckAsync(Safety, code);
        var ex = await Assert.ThrowsAsync<MqttAuthenticationException>(() => connecting.WaitAsync(Safety));

        Assert.Equal((MqttConnectReturnCode)code, ex.ReturnCode);
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, time.PendingTimerCount);
        Assert.Equal(1, broker.ConnectionCount);
    }

    [Fact]
    public async Task ConnAck_IdentifierRejected_IsFinalConnectException()
    {
        await using var broker = new FakeMqttBroker();
        await using var client = Client(broker);
        var connecting = client.ConnectAsync();

        await broker.AcceptAndConnAckAsync(Safety, returnCode: 2);

        var ex = await Assert.ThrowsAsync<MqttConnectException>(() => connecting.WaitAsync(Safety));
        Assert.Equal(MqttConnectReturnCode.IdentifierRejected, ex.ReturnCode);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task SubscribeAsync_SubAckFailure_ThrowsSubscribeException()
    {
        await using var broker = new FakeMqttBroker();
        await using var client = Client(broker);
        var connecting = client.ConnectAsync();
        var connection = await broker.AcceptAndConnAckAsync(Safety);
        await connecting.WaitAsync(Safety);

        var subscribing = client.SubscribeAsync("forbidden/#", (_, _) => ValueTask.CompletedTask);
        var subscribe = await connection.ReadUntilAsync(8, Safety);
        await connection.SendAsync([0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x80]);

        var ex = await Assert.ThrowsAsync<MqttSubscribeException>(() => subscribing.WaitAsync(Safety));
        Assert.Equal("forbidden/#", ex.TopicFilter);
    }

    [Fact]
    public async Task UnacknowledgedQoS1_AfterReconnect_ResentWithDupAndSameIdentifier()
    {
        await using var broker = new FakeMqttBroker();
        await using var client = Client(broker);
        var connecting = client.ConnectAsync();
        var first = await broker.AcceptAndConnAckAsync(Safety);
        await connecting.WaitAsync(Safety);

        var receipt = await client.PublishAsync("dup/t", "payload", MqttQualityOfService.AtLeastOnce);
        var original = await first.ReadUntilAsync(3, Safety);
        first.CloseAbruptly();
        var second = await broker.AcceptAndConnAckAsync(Safety);
        var resent = await second.ReadUntilAsync(3, Safety);

        Assert.Equal(0x32, original.FixedHeader);
        Assert.Equal(0x3A, resent.FixedHeader);
        Assert.Equal(original.Body, resent.Body);
        Assert.False(receipt.Delivered.IsCompleted);
        await second.SendAsync([0x40, 0x02, resent.Body[7], resent.Body[8]]);
        await receipt.Delivered.WaitAsync(Safety);
    }

    [Fact]
    public async Task IncomingQoS1_PubAckSentOnlyAfterHandlerReturned()
    {
        await using var broker = new FakeMqttBroker();
        await using var client = Client(broker);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = 0;
        await client.SubscribeAsync("in/t", async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            Interlocked.Exchange(ref handled, 1);
        });
        var connecting = client.ConnectAsync();
        var connection = await broker.AcceptAndConnAckAsync(Safety);
        var subscribe = await connection.ReadUntilAsync(8, Safety);
        await connection.SendAsync([0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x01]);
        await connecting.WaitAsync(Safety);

        await connection.SendAsync([0x32, 0x08, 0x00, 0x04, (byte)'i', (byte)'n', (byte)'/', (byte)'t', 0x00, 0x07]);
        var pubAck = connection.ReadUntilAsync(4, Safety);
        release.SetResult();
        var ack = await pubAck;

        Assert.Equal(1, Volatile.Read(ref handled));
        Assert.Equal(new byte[] { 0x00, 0x07 }, ack.Body);
    }

    /// <summary>Moves fake time in steps until <paramref name="target"/> completes, letting the client's loops run between steps.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, TimeSpan step, Task target)
    {
        var deadline = DateTime.UtcNow + Safety;
        while (!target.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "Safety timeout while advancing fake time.");
            time.Advance(step);
            await Task.WhenAny(target, Task.Delay(20));
        }

        await target;
    }
}
