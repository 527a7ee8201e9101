using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Tests.Support;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.Host.HomeAssistant;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Mqtt;
using ProofOfHeat.TestKit.MqttClients;
using ProofOfHeat.TestKit.Time;
using RecordingAlerts = ProofOfHeat.Apps.Alarm.Tests.Support.RecordingAlerts;
using RecordingAudit = ProofOfHeat.Apps.Alarm.Tests.Support.RecordingAudit;

namespace ProofOfHeat.Apps.Alarm.Tests.HomeAssistant;

/// <summary>
/// The alarm on the brain's real paths, as the host wires them: the fake HA on loopback (HA's state shapes) → the
/// real WebSocket client (HomeAssistantRunner) → HomeAssistantBackend → HomeRuntime → AlarmApp, and the alarm's panel
/// on the real MQTT entity manager over mosquitto, where a plain MQTT client presses HA's panel buttons. HA's side runs
/// on a fake clock the test advances; every wait has a deadline, and so has tearing it down.
/// </summary>
internal sealed class AlarmOverHaRig : IAsyncDisposable
{
    public const string CommandTopic = "poh/alarm/panel/set";
    public const string StateTopic = "poh/alarm/panel/state";

    private readonly CancellationTokenSource _stop = new();
    private MosquittoBroker _broker = null!;
    private MqttClient _brainClient = null!;
    private MqttClient _observer = null!;
    private ServiceProvider _services = null!;
    private Task _entities = Task.CompletedTask;
    private Task _runtime = Task.CompletedTask;

    private AlarmOverHaRig()
    {
        Server = new FakeHomeAssistant(Time);
        Alerts = new RecordingAlerts(Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.Zero));

    public FakeHomeAssistant Server { get; }

    public RecordingAlerts Alerts { get; }

    public RecordingAudit Audit { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public TopicRecorder PanelStates { get; private set; } = null!;

    public HomeRuntime Runtime => _services.GetRequiredService<HomeRuntime>();

    /// <summary>Starts HA (with the house's entities as HA shows them), mosquitto, the entity manager and the runtime.</summary>
    public static async Task<AlarmOverHaRig> StartAsync(AlarmOptions options, string panelStateInHa)
    {
        var rig = new AlarmOverHaRig();
        rig.Server.SetState(AlarmConfigs.FrontDoor, "off", new { device_class = "door", friendly_name = "Front door" });
        rig.Server.SetState(AlarmConfigs.LivingWindow, "off", new { device_class = "window", friendly_name = "Living room window" });
        rig.Server.SetState(AlarmConfigs.HallMotion, "off", new { device_class = "occupancy", friendly_name = "Hall motion" });
        rig.Server.SetState(AlarmConfigs.Z2mSiren, "off", new { friendly_name = "Hall siren" });
        rig.Server.SetState(AlarmConfigs.HaSiren, "off", new { friendly_name = "Outdoor siren", supported_features = 3 });
        rig.Server.SetState(AlarmConfigs.Family, "not_home", new { friendly_name = "Family", entity_id = new[] { "person.anna" } });
        // HA's own record of the MQTT panel: what it showed before the brain (re)started.
        rig.Server.SetState("alarm_control_panel.poh_alarm", panelStateInHa,
            new { code_format = "number", changed_by = (string?)null, code_arm_required = options.CodeArmRequired, supported_features = 47, friendly_name = "Alarm" });
        foreach (var domain in new[] { "switch", "siren" })
        {
            rig.Server.RegisterService(domain, "turn_on");
            rig.Server.RegisterService(domain, "turn_off");
        }

        rig._broker = await MosquittoBroker.StartAsync();
        var discovery = new MqttDiscoveryOptions { OriginVersion = "0.1.0" };
        rig._brainClient = BrokerClients.Brain(rig._broker, discovery);
        var manager = new MqttEntityManager(rig._brainClient, discovery, TimeProvider.System, rig.Logs.CreateFactory().CreateLogger<MqttEntityManager>());
        (rig._observer, rig.PanelStates) = await BrokerClients.ObserverAsync(rig._broker, StateTopic);

        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(rig.Logs));
        collection.AddSingleton<TimeProvider>(rig.Time);
        // The keep-alive runs on the same fake clock. Moved on by a minute at once (the exit delay), its ping falls due
        // and its pong deadline passes within that one jump, before the pong can be read: the client drops a healthy
        // connection and waits for a reconnect delay that fake time never reaches. The keep-alive has its own tests
        // (HomeAssistant.Tests); here it stays out of the way, and ConnectionCount checks that it did.
        collection.AddSingleton(new HomeAssistantClientOptions
        {
            WebSocketUri = rig.Server.WebSocketUri,
            AccessToken = FakeHomeAssistant.ValidToken,
            PingInterval = TimeSpan.FromDays(1),
        });
        collection.AddSingleton<IHomeBackend, HomeAssistantBackend>();
        collection.AddSingleton<IAppOptionsProvider>(new OptionsFor(options));
        collection.AddSingleton<IAuditTrail>(rig.Audit);
        collection.AddSingleton<IAlerts>(rig.Alerts);
        collection.AddSingleton<IMqttEntities>(manager);
        collection.AddSingleton(AppDescriptor.For(typeof(AlarmApp)));
        collection.AddHomeAppModel();
        rig._services = collection.BuildServiceProvider();
        rig._runtime = Task.Run(() => rig.Runtime.RunAsync(rig._stop.Token));
        rig._entities = manager.RunAsync(rig._stop.Token);
        await rig._brainClient.ConnectAsync().WaitAsync(TestTimeouts.Safety);
        return rig;
    }

    /// <summary>What HA's panel card sends when a button is pressed (the discovered remote-code template).</summary>
    public async Task PressAsync(string action, string? code)
    {
        await using var keypad = new MqttClient(BrokerClients.Options(_broker, "keypad"), TimeProvider.System);
        await keypad.ConnectAsync().WaitAsync(TestTimeouts.Safety);
        var payload = $$"""{"action":"{{action}}","code":"{{code ?? string.Empty}}"}""";
        await keypad.PublishAsync(CommandTopic, payload, MqttQualityOfService.AtLeastOnce).AsTask().WaitAsync(TestTimeouts.Safety);
    }

    /// <summary>The next time (from now, 10 s at most) the panel shows <paramref name="state"/> on MQTT.</summary>
    public Task<MqttApplicationMessage> PanelWillShowAsync(string state) =>
        PanelStates.WaitForNextAsync(m => m.PayloadAsString() == state, "the panel showing " + state);

    /// <summary>Moves HA's and the alarm's clock on.</summary>
    public Task AdvanceAsync(TimeSpan delta)
    {
        Time.Advance(delta);
        return Task.CompletedTask;
    }

    /// <summary>Waits (10 s at most) until a log line contains <paramref name="text"/>.</summary>
    public Task LoggedAsync(string text) =>
        UntilAsync(() => Logs.Lines.Any(l => l.Message.Contains(text, StringComparison.Ordinal)), $"a log line with \"{text}\"");

    /// <summary>Waits (10 s at most) until the brain is connected to HA and the alarm runs.</summary>
    public Task ConnectedAsync() => UntilAsync(
        () => Runtime.IsConnected && Runtime.Apps.Any(a => a.Id == AlarmApp.AppId && a.State == AppRunState.Running),
        "the brain connected to the fake HA with the alarm running");

    // Polls a condition nothing signals (the runtime's status, the log) on the real clock, with a deadline.
    private async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Safety;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; warnings: {string.Join(" | ", Logs.AtLeast(LogLevel.Warning).Select(l => l.Message))}");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // Each step bounded: a part that does not stop fails the test instead of hanging the run.
        await _runtime.WaitAsync(TestTimeouts.Safety);
        await _entities.WaitAsync(TestTimeouts.Safety);
        await _services.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Safety);
        await Server.DisposeWithinAsync(TestTimeouts.Safety);
        await _observer.DisposeAsync();
        await _brainClient.DisposeAsync();
        await _broker.DisposeAsync();
        Alerts.Dispose();
        _stop.Dispose();
    }

    /// <summary>Hands the alarm the test's options, as the host hands it the bound <c>apps.alarm</c> section.</summary>
    private sealed class OptionsFor(AlarmOptions options) : IAppOptionsProvider
    {
        private readonly DefaultAppOptionsProvider _defaults = new();

        public object GetOptions(string appId, Type optionsType) =>
            appId == AlarmApp.AppId ? options : _defaults.GetOptions(appId, optionsType);
    }
}
