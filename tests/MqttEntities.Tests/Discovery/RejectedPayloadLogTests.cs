using Microsoft.Extensions.Logging;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.MqttEntities.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Discovery;

/// <summary>A command payload is logged in part: anyone on the broker can send 10 MB, which must not become one log line.</summary>
public sealed class RejectedPayloadLogTests
{
    [Fact]
    public async Task HugeRejectedCommand_IsLoggedCutToAFewHundredCharacters()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var run = await ManagerRun.StartAsync(broker, SampleEntities.Declare);
        var got = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = run.Manager.GetEntity<MqttNumber>("miner1", "power_limit").Commands.Subscribe(v => got.TrySetResult(v));
        var (sender, _) = await BrokerClients.ObserverAsync(broker, "poh/unused");
        await using var __ = sender;

        await sender.PublishAsync("poh/miner1/power_limit/set", new string('9', 200_000), MqttQualityOfService.AtLeastOnce);
        await sender.PublishAsync("poh/miner1/power_limit/set", "3000", MqttQualityOfService.AtLeastOnce);
        await got.Task.WaitAsync(TestTimeouts.Safety);

        var rejected = Assert.Single(run.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("rejected", StringComparison.Ordinal));
        Assert.True(rejected.Message.Length < 600, $"the log line is {rejected.Message.Length} characters long");
        Assert.Contains("(200,000 characters in all)", rejected.Message, StringComparison.Ordinal);
    }
}
