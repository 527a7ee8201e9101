using Microsoft.Extensions.Logging;
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
        var logger = new RecordingLogger();
        await using var client = new MqttClient(options, time, logger);
        var connecting = client.ConnectAsync();
        double[] expected = [1, 2, 4, 8, 8, 8];

        for (var attempt = 0; attempt <= expected.Length; attempt++)
        {
            var connection = await broker.AcceptAsync(Safety);
            Assert.Equal(1, (await connection.ReadPacketAsync(Safety)).Type);
            var refuse = attempt < expected.Length;
            await connection.SendAsync([0x20, 0x02, 0x00, refuse ? (byte)3 : (byte)0]);
            if (!refuse)
            {
                break;
            }

            // Refused: once the failure is logged, the only armed timer is the backoff delay.
            var failures = attempt + 1;
            await FakeTime.WaitUntilAsync(() => logger.Lines.Count(IsReconnectLine) == failures && time.PendingTimerCount == 1);
            time.Advance(TimeSpan.FromSeconds(expected[attempt]) - TimeSpan.FromMilliseconds(100));
            Assert.Equal(attempt + 1, broker.ConnectionCount);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await connecting.WaitAsync(Safety);
        var logged = logger.Lines.Where(IsReconnectLine).Select(l => l.Message[(l.Message.LastIndexOf(' ') + 1)..]).ToArray();
        Assert.Equal(expected.Select(s => TimeSpan.FromSeconds(s).ToString()), logged);
        Assert.Single(logger.Lines, l => l.Level >= LogLevel.Warning);
    }

    // 2002: the connection was lost (one warning); 2013: still unreachable, on each further attempt.
    private static bool IsReconnectLine((EventId EventId, LogLevel Level, string Message) line) => line.EventId.Id is 2002 or 2013;
}
