using System.Text.Json;
using ProofOfHeat.Mqtt.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Integration;

/// <summary>
/// Our client and an independent implementation, MQTT.js (npm <c>mqtt</c>, node/cross-client.js), exchange QoS 1
/// and retained messages in both directions through a real mosquitto.
/// </summary>
public sealed class MqttJsCrossClientTests
{
    private static readonly TimeSpan Safety = TestDefaults.SafetyTimeout;

    [Fact]
    public async Task MqttJs_AndOurClient_ExchangeQoS1AndRetainedBothWays()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var ours = await TestDefaults.ConnectedClientAsync(broker, "ours");
        await (await ours.PublishAsync("cross/retained-by-dotnet", "dotnet-retained", MqttQualityOfService.AtLeastOnce, retain: true))
            .Delivered.WaitAsync(Safety);

        await using var js = NodeProcess.Start("cross-client.js", broker.Url);
        await js.NextAsync("ready");

        // Ours → MQTT.js: the retained message published before MQTT.js subscribed arrives flagged as retained.
        var retainedAtJs = await js.NextAsync("message", m => Topic(m) == "cross/retained-by-dotnet");
        Assert.Equal("dotnet-retained", retainedAtJs.GetProperty("payload").GetString());
        Assert.True(retainedAtJs.GetProperty("retain").GetBoolean());
        Assert.Equal(1, retainedAtJs.GetProperty("qos").GetInt32());

        // MQTT.js → ours: its retained message reaches our late subscription, flagged as retained, at QoS 1.
        var fromJs = new MessageCollector();
        await ours.SubscribeAsync("cross/from-js/#", fromJs.HandleAsync, MqttQualityOfService.AtLeastOnce);
        var retainedAtOurs = await fromJs.NextAsync();
        Assert.Equal(("cross/from-js/retained", "js-retained", true), (retainedAtOurs.Topic, retainedAtOurs.PayloadAsString(), retainedAtOurs.Retain));
        Assert.Equal(MqttQualityOfService.AtLeastOnce, retainedAtOurs.QualityOfService);

        // A live QoS 1 round trip: ours publishes, MQTT.js receives it at QoS 1 and answers, ours receives the answer.
        var ping = await ours.PublishAsync("cross/from-dotnet/ping", "42", MqttQualityOfService.AtLeastOnce);
        await ping.Delivered.WaitAsync(Safety);
        var pingAtJs = await js.NextAsync("message", m => Topic(m) == "cross/from-dotnet/ping");
        Assert.Equal(("42", 1, false), (pingAtJs.GetProperty("payload").GetString(), pingAtJs.GetProperty("qos").GetInt32(), pingAtJs.GetProperty("retain").GetBoolean()));
        var pong = await fromJs.NextAsync();
        Assert.Equal(("cross/from-js/pong", "pong:42", false), (pong.Topic, pong.PayloadAsString(), pong.Retain));
        Assert.Equal(MqttQualityOfService.AtLeastOnce, pong.QualityOfService);

        await ours.PublishAsync("cross/from-dotnet/bye", "bye", MqttQualityOfService.AtLeastOnce);
        Assert.Equal((0, string.Empty), await js.WaitForExitAsync());
    }

    private static string? Topic(JsonElement message) => message.GetProperty("topic").GetString();
}
