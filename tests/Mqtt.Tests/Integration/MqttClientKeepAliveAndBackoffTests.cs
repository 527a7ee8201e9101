using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>Keep-alive against a real broker and the reconnect backoff, both on fake time.</summary>
public sealed class MqttClientKeepAliveAndBackoffTests
{
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    [Fact]
    public async Task IdleConnection_PingReqAnsweredByMosquitto_StaysUpLongPastTheDeadThreshold()
    {
        var time = new FakeTimeProvider();
        await using var broker = await MosquittoBroker.StartAsync();
        var options = TestDefaults.Options(broker.Host, broker.Port, "idle");
        options.KeepAlive = TimeSpan.FromSeconds(10);
        await using var client = new MqttClient(options, time);
        var disconnects = 0;
        client.Disconnected += (_, _) => Interlocked.Increment(ref disconnects);
        var pongs = 0;
        var fourPongs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.PingResponseReceived += () =>
        {
            if (Interlocked.Increment(ref pongs) == 4)
            {
                fourPongs.TrySetResult();
            }
        };
        await client.ConnectAsync().WaitAsync(Safety);
        var start = time.GetUtcNow();

        await FakeTime.AdvanceUntilAsync(time, TimeSpan.FromSeconds(1), fourPongs.Task);

        // Without PINGREQ/PINGRESP the client would have declared the line dead after 15 s of silence.
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(30));
        Assert.Equal(0, Volatile.Read(ref disconnects));
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task ServerUnavailable_Repeatedly_ReconnectDelaysDoubleUpToTheCap()
    {
        var time = new FakeTimeProvider();
        await using var broker = new FakeMqttBroker();
        var options = TestDefaults.Options("127.0.0.1", broker.Port, "backoff");
        options.ReconnectDelay = TimeSpan.FromSeconds(1);
        options.MaxReconnectDelay = TimeSpan.FromSeconds(8);
        await using var client = new MqttClient(options, time);
        var connecting = client.ConnectAsync();
        var attempts = new List<DateTimeOffset>();

        for (var i = 0; i < 7; i++)
        {
            // The attempt's time is taken when its TCP connection is accepted; fake time stands still while the
            // CONNECT/CONNACK exchange runs, so only the backoff moves the clock.
            var accepting = broker.AcceptAsync(Safety);
            if (i == 0)
            {
                await accepting;
            }
            else
            {
                await FakeTime.AdvanceUntilAsync(time, TimeSpan.FromMilliseconds(250), accepting);
            }

            attempts.Add(time.GetUtcNow());
            var connection = await accepting;
            Assert.Equal(1, (await connection.ReadPacketAsync(Safety)).Type);
            await connection.SendAsync([0x20, 0x02, 0x00, i < 6 ? (byte)3 : (byte)0]);
        }

        await connecting.WaitAsync(Safety);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
        double[] expected = [1, 2, 4, 8, 8, 8];
        Assert.Equal(expected.Length, gaps.Length);
        for (var i = 0; i < gaps.Length; i++)
        {
            Assert.InRange(gaps[i], expected[i], expected[i] + 0.5);
        }
    }
}
