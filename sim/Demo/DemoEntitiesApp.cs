using System.Globalization;
using System.Reactive.Linq;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Host.Api;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Demo;

/// <summary>
/// Mirrors the demo house into its MQTT entities (<see cref="DemoEntities"/>): sensor values as they
/// change, each heating decision, and the heating app's switch, which Home Assistant can flip.
/// </summary>
[HomeApp(Id = "demo_entities")]
internal sealed partial class DemoEntitiesApp : IDisposable
{
    private const string HeatingAppId = "heating";
    private readonly IAppControl _apps;
    private readonly ILogger<DemoEntitiesApp> _logger;
    private readonly MqttSwitch _heating;
    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>Publishes the current values and follows changes and commands.</summary>
    public DemoEntitiesApp(IHaContext ha, IMqttEntities entities, IHeatingDecisionJournal journal, IAppControl apps, ILogger<DemoEntitiesApp> logger)
    {
        ArgumentNullException.ThrowIfNull(ha);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(journal);
        _apps = apps;
        _logger = logger;
        Mirror(ha, entities, SimEntityStates.RoomTemperature, "room_temperature");
        Mirror(ha, entities, SimEntityStates.OutdoorTemperature, "outdoor_temperature");
        Mirror(ha, entities, SimEntityStates.MinerPower, "heater_power");

        var decision = entities.GetEntity<MqttSensor>(DemoEntities.DeviceId, "last_decision");
        _subscriptions.Add(journal.Recorded.Subscribe(d => decision.PublishState(
            string.Create(CultureInfo.InvariantCulture, $"{d.PowerWatts} W: {d.Reason}"))));

        _heating = entities.GetEntity<MqttSwitch>(DemoEntities.DeviceId, "heating");
        PublishHeatingSwitch();
        _subscriptions.Add(_heating.Commands.Select(on => Observable.FromAsync(ct => SwitchHeatingAsync(on, ct))).Concat().Subscribe());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void Mirror(IHaContext ha, IMqttEntities entities, string entityId, string key)
    {
        var sensor = entities.GetEntity<MqttSensor>(DemoEntities.DeviceId, key);
        _subscriptions.Add(ha.Entity(entityId).StateChangesWithCurrent()
            .Select(change => change.New?.AsNumber())
            .Where(value => value is not null)
            .Subscribe(value => sensor.PublishState(value!.Value)));
    }

    private async Task SwitchHeatingAsync(bool on, CancellationToken cancellationToken)
    {
        LogSwitching(_logger, on ? "on" : "off");
        await _apps.SetEnabledAsync(HeatingAppId, on, cancellationToken);
        PublishHeatingSwitch();
    }

    private void PublishHeatingSwitch() =>
        _heating.PublishState(_apps.List().FirstOrDefault(a => a.Id == HeatingAppId)?.Enabled ?? false);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Home Assistant switched the demo's heating {OnOff}")]
    private static partial void LogSwitching(ILogger logger, string onOff);
}
