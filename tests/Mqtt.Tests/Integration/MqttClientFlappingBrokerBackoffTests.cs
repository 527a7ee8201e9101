using Microsoft.Extensions.Logging;
using ProofOfHeat.Mqtt.Connection;
using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>
/// A broker that accepts CONNECT and then drops the connection keeps the client backing off; only a connection that
/// stayed up for <see cref="MqttClientSession.StableConnectionTime"/> starts the backoff again from the initial delay.
/// </summary>
public sealed class MqttClientFlappingBrokerBackoffTests
{
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    [Fact]
    public async Task BrokerAcceptsThenDrops_BackoffKeepsDoubling_AndResetsOnlyAfterAStableConnection()
    {
        var time = new FakeTimeProvider();
        await using var broker = new FakeMqttBroker();
        var options = TestDefaults.Options("127.0.0.1", broker.Port, "flap");
        options.ReconnectDelay = TimeSpan.FromSeconds(1);
        options.MaxReconnectDelay = TimeSpan.FromSeconds(8);
        options.KeepAlive = TimeSpan.Zero; // no PINGREQ timer: the backoff delay is the only timer once a drop is logged
        var logger = new RecordingLogger();
        await using var client = new MqttClient(options, time, logger);
        var connecting = client.ConnectAsync();
        double[] flapping = [1, 2, 4, 8, 8];

        for (var attempt = 0; attempt < flapping.Length; attempt++)
        {
            var connection = await broker.AcceptAndConnAckAsync(Safety);
            await FakeTime.WaitUntilAsync(() => client.IsConnected);
            connection.CloseAbruptly();
            await WaitForBackoffAsync(time, logger, attempt + 1);
            time.Advance(TimeSpan.FromSeconds(flapping[attempt]) - TimeSpan.FromMilliseconds(100));
            Assert.Equal(attempt + 1, broker.ConnectionCount);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await connecting.WaitAsync(Safety);
        var stable = await broker.AcceptAndConnAckAsync(Safety);
        await FakeTime.WaitUntilAsync(() => client.IsConnected);
        time.Advance(MqttClientSession.StableConnectionTime);
        stable.CloseAbruptly();
        await WaitForBackoffAsync(time, logger, flapping.Length + 1);

        var lines = logger.Lines.Where(IsReconnectLine).ToArray();
        var delays = lines.Select(l => l.Message[(l.Message.LastIndexOf(' ') + 1)..]);
        Assert.Equal(flapping.Append(1).Select(s => TimeSpan.FromSeconds(s).ToString()), delays);

        // The log rule holds: a warning when a good connection is lost, Information while the broker keeps failing.
        Assert.Equal(
            [LogLevel.Warning, LogLevel.Information, LogLevel.Information, LogLevel.Information, LogLevel.Information, LogLevel.Warning],
            lines.Select(l => l.Level));
    }

    private static Task WaitForBackoffAsync(FakeTimeProvider time, RecordingLogger logger, int failures) =>
        FakeTime.WaitUntilAsync(() => logger.Lines.Count(IsReconnectLine) == failures && time.PendingTimerCount == 1);

    // 2002: the connection was lost (one warning); 2013: still unreachable, on each further attempt.
    private static bool IsReconnectLine((EventId EventId, LogLevel Level, string Message) line) => line.EventId.Id is 2002 or 2013;
}
