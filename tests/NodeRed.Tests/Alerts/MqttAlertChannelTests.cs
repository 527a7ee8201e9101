using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Mqtt;
using ProofOfHeat.NodeRed.Tests.Support;
using ProofOfHeat.Notify;
using ProofOfHeat.Notify.HomeAssistant;
using ProofOfHeat.Notify.Mqtt;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.NodeRed.Tests.Alerts;

/// <summary>
/// The brain's alerts on MQTT (runtime/Notify/Mqtt) against a real mosquitto: the alert service, its dispatcher, the
/// MQTT channel and the acknowledgement listener as the host registers them, watched by an independent client.
/// </summary>
public sealed class MqttAlertChannelTests : IAsyncLifetime
{
    private readonly RecordingAuditTrail _audit = new();
    private readonly MessageLog _seen = new();
    private MosquittoBroker? _broker;
    private MqttClient? _brainClient;
    private MqttClient? _watcher;
    private IHost? _host;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _watcher = await ConnectAsync("watcher");
        await _watcher.SubscribeAsync("poh/alerts/#", _seen.HandleAsync).WaitAsync(Eventually.Safety);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        foreach (var client in new[] { _brainClient, _watcher })
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }

        await _broker!.DisposeAsync();
    }

    [Fact]
    public async Task RaiseAcknowledgeResolve_RetainedWhileOpen_EveryChangeOnEvents_AckFromMqttAudited()
    {
        var alerts = await StartBrainAsync();

        await alerts.RaiseAsync(new AlertRequest("safety.leak", AlertSeverity.Critical, "safety", "safety.leak", "Water leak", "Kitchen sink is wet"));

        var raised = Json((await _seen.WaitForAsync(m => m.Topic == "poh/alerts/events", "the raised event"))[0]);
        Assert.Equal("raised", raised["event"]!.GetValue<string>());
        Assert.Equal("safety.leak", raised["key"]!.GetValue<string>());
        Assert.Equal("critical", raised["severity"]!.GetValue<string>());
        Assert.Equal("safety", raised["source"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(raised["title"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(raised["text"]!.GetValue<string>()));
        Assert.True(DateTimeOffset.TryParse(raised["raised_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        var retained = await RetainedAsync("poh/alerts/open/safety.leak");
        Assert.Equal(raised["id"]!.GetValue<string>(), Json(retained!)["id"]!.GetValue<string>());
        Assert.Equal("raised", Json(retained!)["state"]!.GetValue<string>());

        await _watcher!.PublishAsync("poh/alerts/ack", """{"key":"safety.leak","by":"hall panel"}""", MqttQualityOfService.AtLeastOnce);

        var acknowledged = Json((await _seen.WaitForAsync(m => m.Topic == "poh/alerts/events" && Json(m)["event"]!.GetValue<string>() == "acknowledged", "the acknowledged event"))[0]);
        Assert.Equal("mqtt:hall panel", acknowledged["by"]!.GetValue<string>());
        Assert.Equal(AlertState.Acknowledged, alerts.Open.Single().State);
        Assert.Contains(_audit.Entries, e => e.Action == "alert_acknowledged" && e.Actor == "mqtt:hall panel" && e.Target == "safety.leak" && e.Result == "ok");

        await alerts.ResolveAsync("safety.leak");

        await _seen.WaitForAsync(m => m.Topic == "poh/alerts/events" && Json(m)["event"]!.GetValue<string>() == "resolved", "the resolved event");
        Assert.Null(await RetainedAsync("poh/alerts/open/safety.leak"));
        Assert.All(_seen.On("poh/alerts/events"), m => Assert.False(m.Retain));
    }

    [Fact]
    public async Task AckByPlainKey_ActsAsNodeRed_AndAckForNoOpenAlertIsAuditedAsRefused()
    {
        var alerts = await StartBrainAsync();
        await alerts.RaiseAsync(new AlertRequest("safety.overload", AlertSeverity.Warning, "safety", "safety.overload", "Main fuse overloaded", "7200 W"));
        await _seen.WaitForAsync(m => m.Topic == "poh/alerts/events", "the raised event");

        await _watcher!.PublishAsync("poh/alerts/ack", "safety.overload", MqttQualityOfService.AtLeastOnce);
        await _watcher.PublishAsync("poh/alerts/ack", """{"key":"safety.gas"}""", MqttQualityOfService.AtLeastOnce);

        await Eventually.UntilAsync(() => _audit.Entries.Any(e => e.Target == "safety.gas"), "the refused acknowledgement in the audit");
        Assert.Contains(_audit.Entries, e => e.Action == "alert_acknowledged" && e.Actor == "mqtt:node-red" && e.Target == "safety.overload" && e.Result == "ok");
        var refused = _audit.Entries.Single(e => e.Target == "safety.gas");
        Assert.Equal(("mqtt:node-red", "alert_acknowledged", "refused"), (refused.Actor, refused.Action, refused.Result));
        Assert.Equal("mqtt:node-red", alerts.Open.Single().By);
    }

    [Fact]
    public async Task OnConnect_ARetainedAlertThatIsNoLongerOpenIsCleared_OpenOnesArePublished()
    {
        // Left by an earlier run that stopped before it could publish the resolve.
        await _watcher!.PublishAsync("poh/alerts/open/safety.smoke", """{"key":"safety.smoke","state":"raised"}""", MqttQualityOfService.AtLeastOnce, retain: true).AsTask();
        await _seen.WaitForAsync(m => m.Topic == "poh/alerts/open/safety.smoke", "the stale retained alert");

        var alerts = await StartBrainAsync();
        await alerts.RaiseAsync(new AlertRequest("sensor.silent", AlertSeverity.Info, "safety", "safety.sensor_silent", "Sensor silent", "No reading for 25 h"));

        await Eventually.UntilAsync(async () => await RetainedAsync("poh/alerts/open/safety.smoke") is null, "the stale retained alert cleared");
        Assert.NotNull(await RetainedAsync("poh/alerts/open/sensor.silent"));
    }

    [Fact]
    public void TopicLevel_KeysWithTopicCharacters_BecomeOneLevel()
    {
        var topics = new MqttAlertTopics("home/poh/");

        Assert.Equal("home/poh/alerts/open/a_b_c_d", topics.Open("a/b+c#d"));
        Assert.Equal("home/poh/alerts/events", topics.Events);
        Assert.Equal("home/poh/alerts/ack", topics.Acknowledge);
    }

    [Theory]
    [InlineData("safety.leak", "safety.leak", null, "node-red")]
    [InlineData("""{"id":"abc123"}""", null, "abc123", "node-red")]
    [InlineData("""{"key":"k","by":"  kitchen tablet "}""", "k", null, "kitchen tablet")]
    [InlineData("""{"key":"k","by":""}""", "k", null, "node-red")]
    public void Acknowledgement_Parses(string payload, string? key, string? id, string by)
    {
        var ack = MqttAcknowledgement.Parse(payload);

        Assert.Equal(new MqttAcknowledgement(key, id, by), ack);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"by\":\"x\"}")]
    [InlineData("{not json")]
    public void Acknowledgement_NamingNoAlert_IsNull(string payload) => Assert.Null(MqttAcknowledgement.Parse(payload));

    private async Task<IAlerts> StartBrainAsync()
    {
        _brainClient = await ConnectAsync("brain");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAuditTrail>(_audit);
        builder.Services.AddSingleton<IHaOutlet, SilentHaOutlet>();
        builder.Services.AddSingleton(_brainClient);
        builder.Services.AddNotify(new NotifyOptions());
        builder.Services.AddMqttAlerts(_ => "poh");
        _host = builder.Build();
        await _host.StartAsync();
        return _host.Services.GetRequiredService<IAlerts>();
    }

    // A fresh subscription gets the topic's retained message, if any, right after the SUBACK (MQTT 3.1.1 §3.3.1.3).
    private async Task<string?> RetainedAsync(string topic)
    {
        await using var reader = await ConnectAsync("reader");
        var log = new MessageLog();
        await reader.SubscribeAsync(topic, log.HandleAsync).WaitAsync(Eventually.Safety);
        await reader.SubscribeAsync("test/marker", log.HandleAsync).WaitAsync(Eventually.Safety);
        await reader.PublishAsync("test/marker", "end", MqttQualityOfService.AtLeastOnce);
        await log.WaitForAsync(m => m.Topic == "test/marker", "the marker after the retained replay");
        return log.On(topic) is [var first, ..] ? first.PayloadAsString() : null;
    }

    private async Task<MqttClient> ConnectAsync(string name)
    {
        var options = MqttClientOptions.FromUrl(_broker!.Url);
        options.ClientId = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];
        var client = new MqttClient(options, TimeProvider.System);
        await client.ConnectAsync().WaitAsync(Eventually.Safety);
        return client;
    }

    private static JsonNode Json(MqttApplicationMessage message) => Json(message.PayloadAsString());

    private static JsonNode Json(string text) => JsonNode.Parse(text)!;
}
