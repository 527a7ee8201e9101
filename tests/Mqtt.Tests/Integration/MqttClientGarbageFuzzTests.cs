using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>
/// The whole client (socket, framer, decoder, loops) against a fake broker that answers CONNECT with CONNACK and
/// then sends random bytes. Whatever arrives, the client must come back and still deliver a real message.
/// </summary>
public sealed class MqttClientGarbageFuzzTests
{
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomBytesAfterConnAck_ManyConnections_ClientSurvivesAndStillDelivers(int seed)
    {
        var random = new Random(seed);
        await using var broker = new FakeMqttBroker();
        var options = TestDefaults.Options("127.0.0.1", broker.Port, "fuzz");
        options.ReconnectDelay = TimeSpan.Zero;
        options.MaxReconnectDelay = TimeSpan.Zero;
        await using var client = new MqttClient(options, TimeProvider.System);
        var collector = new MessageCollector();
        var connecting = client.ConnectAsync();

        for (var round = 0; round < 40; round++)
        {
            var connection = await broker.AcceptAndConnAckAsync(Safety);
            var garbage = new byte[random.Next(1, 300)];
            random.NextBytes(garbage);
            if (round % 2 == 0)
            {
                // Half the rounds start with a plausible server packet type, so the noise gets past the first byte.
                garbage[0] = (byte)(random.Next(2) == 0 ? 0x30 : 0x90);
            }

            await connection.SendAsync(garbage);
            connection.CloseAbruptly();
        }

        await connecting.WaitAsync(Safety);
        var reconnected = TestDefaults.NextConnect(client);
        var subscribing = client.SubscribeAsync("fuzz/t", collector.HandleAsync, MqttQualityOfService.AtMostOnce);
        var last = await broker.AcceptAndConnAckAsync(Safety);
        var subscribe = await last.ReadUntilAsync(8, Safety);
        await last.SendAsync([0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x00]);
        await subscribing.WaitAsync(Safety);
        await reconnected.WaitAsync(Safety);
        await last.SendAsync([0x30, 0x0A, 0x00, 0x06, (byte)'f', (byte)'u', (byte)'z', (byte)'z', (byte)'/', (byte)'t', (byte)'o', (byte)'k']);

        Assert.Equal("ok", (await collector.NextAsync()).PayloadAsString());
        Assert.True(client.IsConnected);
        Assert.Equal(41, broker.ConnectionCount);
    }
}
