using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Tests.Support;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Zigbee2Mqtt;
using ProofOfHeat.TestKit.AppModel;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Mqtt;
using ProofOfHeat.TestKit.MqttClients;

namespace ProofOfHeat.Apps.Safety.Tests.Runtime;

/// <summary>
/// The real app model over Zigbee2MQTT devices on a real mosquitto, the safety app in it, and a Zigbee2MQTT stand-in
/// (its own MQTT client) that publishes the leak sensor and answers the valve's set topic with its new state, as
/// Zigbee2MQTT does (https://www.zigbee2mqtt.io/guide/usage/mqtt_topics_and_messages.html: state on
/// <c>zigbee2mqtt/&lt;name&gt;</c>, commands on <c>zigbee2mqtt/&lt;name&gt;/set</c>).
/// </summary>
internal sealed class Zigbee2MqttHouse : IAsyncDisposable
{
    public const string Leak = "binary_sensor.leak_kitchen";
    public const string Valve = "valve.main_water";

    private readonly MosquittoBroker _broker;
    private readonly MqttClient _brain;
    private readonly MqttClient _zigbee;
    private readonly Zigbee2MqttDevices _devices;
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private long _leakPublishedAt;

    private Zigbee2MqttHouse(MosquittoBroker broker, MqttClient brain, MqttClient zigbee, Zigbee2MqttDevices devices, ServiceProvider services, PrimaryHome primary)
    {
        _broker = broker;
        _brain = brain;
        _zigbee = zigbee;
        _devices = devices;
        _services = services;
        Primary = primary;
    }

    public PrimaryHome Primary { get; }

    public RecordingAlerts Alerts => (RecordingAlerts)_services.GetRequiredService<IAlerts>();

    public RecordingAudit Audit => (RecordingAudit)_services.GetRequiredService<IAuditTrail>();

    public HomeRuntime Runtime => _services.GetRequiredService<HomeRuntime>();

    /// <summary>The valve commands the stand-in received, with the wall time since the leak was published.</summary>
    public ConcurrentQueue<(string Payload, TimeSpan AfterLeak)> ValveCommands { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<Zigbee2MqttHouse> StartAsync(SafetyOptions options, PrimaryHome primary, Action<IServiceCollection>? addApps = null)
    {
        var broker = await MosquittoBroker.StartAsync();
        var brain = new MqttClient(BrokerClients.Options(broker, "brain"), TimeProvider.System);
        await brain.ConnectAsync().WaitAsync(Until.Healthy);
        var zigbee = new MqttClient(BrokerClients.Options(broker, "z2m"), TimeProvider.System);
        await zigbee.ConnectAsync().WaitAsync(Until.Healthy);
        var z2m = new Zigbee2MqttOptions();
        z2m.Entities.Add(new Zigbee2MqttEntityOptions { FriendlyName = "leak_kitchen", Property = "water_leak", EntityId = Leak });
        z2m.Entities.Add(new Zigbee2MqttEntityOptions { FriendlyName = "valve_main", Property = "state", EntityId = Valve });
        var logs = new CapturingLoggerProvider();
        var devices = new Zigbee2MqttDevices(brain, z2m, TimeProvider.System, logs.CreateFactory().CreateLogger<Zigbee2MqttDevices>());
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(b => b.AddProvider(logs));
        services.AddSingleton<IHomeBackend>(new MqttDevicesHomeBackend(primary, devices));
        services.AddSingleton<IAppOptionsProvider>(new SafetyOptionsProvider(options));
        services.AddSingleton<IAlerts>(new RecordingAlerts(TimeProvider.System));
        services.AddSingleton<IAuditTrail>(new RecordingAudit());
        services.AddHomeAppModel();
        services.AddHomeApp<SafetyApp>();
        addApps?.Invoke(services);
        var house = new Zigbee2MqttHouse(broker, brain, zigbee, devices, services.BuildServiceProvider(), primary);
        await zigbee.SubscribeAsync("zigbee2mqtt/valve_main/set", house.OnValveCommand, MqttQualityOfService.AtLeastOnce);
        house._running = house.Runtime.RunAsync(house._stop.Token);
        await Until.TrueAsync(() => house.Runtime.Apps.Any(a => a.Id == SafetyApp.AppId && a.State == AppRunState.Running), "the safety app running");
        await zigbee.PublishAsync("zigbee2mqtt/valve_main", """{"state":"ON"}""", MqttQualityOfService.AtLeastOnce);
        await zigbee.PublishAsync("zigbee2mqtt/leak_kitchen", """{"water_leak":false,"battery":97}""", MqttQualityOfService.AtLeastOnce);
        await Until.TrueAsync(() => house.Runtime.GetState(Valve)?.State == "open" && house.Runtime.GetState(Leak)?.State == "off", "the devices' first states");
        return house;
    }

    public async Task LeakAsync()
    {
        Volatile.Write(ref _leakPublishedAt, Stopwatch.GetTimestamp());
        await _zigbee.PublishAsync("zigbee2mqtt/leak_kitchen", """{"water_leak":true,"battery":97}""", MqttQualityOfService.AtMostOnce);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(Until.Healthy);
        await _services.DisposeAsync();
        await _devices.DisposeAsync();
        await _zigbee.DisposeAsync();
        await _brain.DisposeAsync();
        await _broker.DisposeAsync();
        _stop.Dispose();
        Logs.Dispose();
    }

    private async ValueTask OnValveCommand(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetString(message.Payload.Span);
        ValveCommands.Enqueue((payload, Stopwatch.GetElapsedTime(Volatile.Read(ref _leakPublishedAt))));
        // The valve moves and Zigbee2MQTT reports its new state.
        await _zigbee.PublishAsync("zigbee2mqtt/valve_main", payload, MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken);
    }

    private sealed class SafetyOptionsProvider(SafetyOptions options) : IAppOptionsProvider
    {
        public object GetOptions(string appId, Type optionsType) =>
            appId == SafetyApp.AppId ? options : Activator.CreateInstance(optionsType)!;
    }
}
