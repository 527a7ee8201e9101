using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Apps.Alarm.Chat;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Alarm.Tests.Support;

/// <summary>The alarm app on fake time in the app harness, with recording alerts and audit, and the house's sensors
/// in HA's state shapes (contact sensors <c>off</c> with their device class, the lock locked, the garage closed).</summary>
internal sealed class AlarmRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    private ServiceProvider? _services;

    private AlarmRig()
    {
        Harness = new AppHarness(new FakeTimeProvider(Start));
        Alerts = new RecordingAlerts(Harness.Time);
    }

    public AppHarness Harness { get; }

    public FakeHaContext Ha => Harness.Ha;

    public FakeTimeProvider Time => Harness.Time;

    public RecordingAlerts Alerts { get; }

    public RecordingAudit Audit { get; } = new();

    public AlarmApp App { get; private set; } = null!;

    public static async Task<AlarmRig> StartAsync(AlarmOptions options, Action<AlarmRig>? before = null, IMqttEntities? entities = null, AlarmRemote? remote = null)
    {
        var rig = new AlarmRig();
        rig.SetContact(AlarmConfigs.FrontDoor, "door", open: false);
        rig.SetContact(AlarmConfigs.LivingWindow, "window", open: false);
        rig.SetContact(AlarmConfigs.HallMotion, "occupancy", open: false);
        rig.Ha.SetState(AlarmConfigs.FrontLock, "locked", new { friendly_name = "Front door lock", supported_features = 1 });
        rig.Ha.SetState(AlarmConfigs.Garage, "closed", new { friendly_name = "Garage door", device_class = "garage", supported_features = 11 });
        rig.Ha.SetState(AlarmConfigs.Family, "home", new { friendly_name = "Family", entity_id = new[] { "person.anna", "person.oleg" } });
        rig.Ha.SetState(AlarmConfigs.Z2mSiren, "off", new { friendly_name = "Hall siren" });
        rig.Ha.SetState(AlarmConfigs.HaSiren, "off", new { friendly_name = "Outdoor siren", supported_features = 3 });
        before?.Invoke(rig);
        rig._services = rig.Harness.Services(s =>
        {
            s.AddSingleton<IAlerts>(rig.Alerts);
            s.AddSingleton<IAuditTrail>(rig.Audit);
            if (entities is not null)
            {
                s.AddSingleton(entities);
            }

            if (remote is not null)
            {
                s.AddSingleton(remote);
            }
        });
        rig.App = await rig.Harness.StartAsync<AlarmApp>(rig._services, options);
        return rig;
    }

    /// <summary>A contact or occupancy sensor as HA shows it: <c>on</c>/<c>off</c> with its device class.</summary>
    public void SetContact(string entityId, string deviceClass, bool open) =>
        Ha.SetState(entityId, open ? "on" : "off", new { device_class = deviceClass, friendly_name = entityId });

    /// <summary>Waits for an audit entry that matches.</summary>
    public Task AuditedAsync(Func<AuditEntry, bool> match, string what) =>
        Audit.Entries.WaitAsync(all => all.Any(match), what);

    /// <summary>Waits until the alarm shows <paramref name="haState"/>.</summary>
    public Task StateAsync(string haState) =>
        AuditedAsync(e => e.Detail?.EndsWith("-> " + haState, StringComparison.Ordinal) == true && App.Status.HaState == haState, haState);

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        Alerts.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
