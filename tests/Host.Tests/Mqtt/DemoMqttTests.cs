using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ProofOfHeat.Host.Tests.Process;
using ProofOfHeat.Mqtt;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Host.Tests.Mqtt;

/// <summary>The real <c>poh demo --mqtt</c> against a real mosquitto, watched and commanded by an independent client.</summary>
public sealed class DemoMqttTests : IDisposable
{
    private const string ConfigTopic = "homeassistant/device/poh_demo_house/config";
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly ConcurrentDictionary<string, string> _retained = new(StringComparer.Ordinal);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task DemoWithMqtt_AnnouncesItsEntitiesPublishesStatesAndObeysTheHeatingSwitch()
    {
        // Locals with `await using`: the broker is stopped however the test ends.
        await using var broker = await MosquittoBroker.StartAsync();
        await using var poh = PohProcess.Start(_dir.Path, "demo", "--data", _dir.Combine("data"), "--http-port", "0", "--mqtt", broker.Url);
        using var api = new HttpClient { BaseAddress = await poh.Listening.WaitAsync(Safety), Timeout = Safety };
        await using var watcher = new MqttClient(MqttClientOptions.FromUrl(broker.Url), TimeProvider.System);
        await watcher.ConnectAsync().WaitAsync(Safety);
        await watcher.SubscribeAsync("#", (message, _) =>
        {
            _retained[message.Topic] = message.PayloadAsString();
            return ValueTask.CompletedTask;
        }).WaitAsync(Safety);

        await Eventually.UntilAsync(() => _retained.ContainsKey(ConfigTopic), Safety, "the discovery config");
        await Eventually.UntilAsync(() => _retained.ContainsKey("poh/demo_house/room_temperature/state"), Safety, "the room temperature");
        await Eventually.UntilAsync(() => Retained("poh/demo_house/heating/state") == "ON", Safety, "the heating switch ON");
        var config = _retained[ConfigTopic];

        using (var document = JsonDocument.Parse(config))
        {
            var components = document.RootElement.GetProperty("cmps");
            Assert.Equal("sensor", components.GetProperty("room_temperature").GetProperty("p").GetString());
            Assert.Equal("°C", components.GetProperty("room_temperature").GetProperty("unit_of_meas").GetString());
            Assert.Equal("switch", components.GetProperty("heating").GetProperty("p").GetString());
            Assert.Equal("poh/status", document.RootElement.GetProperty("avty_t").GetString());
        }

        Assert.Equal("online", _retained["poh/status"]);
        Assert.True(double.TryParse(_retained["poh/demo_house/room_temperature/state"], System.Globalization.CultureInfo.InvariantCulture, out _));

        await watcher.PublishAsync("poh/demo_house/heating/set", "OFF", MqttQualityOfService.AtLeastOnce);

        await Eventually.UntilAsync(() => Retained("poh/demo_house/heating/state") == "OFF", Safety, "the heating switch OFF");
        var apps = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/apps", UriKind.Relative));
        var heating = apps.EnumerateArray().Single(a => a.GetProperty("id").GetString() == "heating");
        Assert.False(heating.GetProperty("enabled").GetBoolean());
    }

    private string? Retained(string topic) => _retained.TryGetValue(topic, out var payload) ? payload : null;
}
