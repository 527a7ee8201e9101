using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Apps.Alarm;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.Host.HomeAssistant;
using ProofOfHeat.Host.Tests.HomeAssistant;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Alarm;

/// <summary>
/// The alarm app on the brain's real HA path, on fake time: fake HA on loopback (real state shapes) →
/// HomeAssistantBackend → HomeRuntime → AlarmApp. The panel state HA last showed is taken up, a door opens, the
/// entry delay runs out, the sirens are switched on through HA's services and the critical alert is raised.
/// </summary>
public sealed class AlarmOverFakeHaTests
{
    private const string Door = "binary_sensor.front_door_contact";
    private const string Motion = "binary_sensor.hall_motion_occupancy";
    private const string ZigbeeSiren = "switch.hall_siren";
    private const string HaSiren = "siren.outdoor";

    [Fact]
    public async Task DoorOpens_EntryDelayRunsOut_SirensOnThroughHa_CriticalAlert()
    {
        var time = new FakeTimeProvider();
        await using var server = new FakeHomeAssistant(time);
        server.SetState(Door, "off", new { device_class = "door", friendly_name = "Front door" });
        server.SetState(Motion, "off", new { device_class = "occupancy", friendly_name = "Hall motion" });
        server.SetState(ZigbeeSiren, "off", new { friendly_name = "Hall siren" });
        server.SetState(HaSiren, "off", new { friendly_name = "Outdoor siren", supported_features = 3 });
        server.SetState("alarm_control_panel.poh_alarm", "armed_away", new { code_format = "number", changed_by = (string?)null, code_arm_required = false, supported_features = 47, friendly_name = "Alarm" });
        server.RegisterService("switch", "turn_on");
        server.RegisterService("siren", "turn_on");
        var options = new AlarmOptions
        {
            Code = "2580",
            Sirens = [ZigbeeSiren, HaSiren],
            Away = new AlarmModeOptions { Sensors = [Door], InstantSensors = [Motion], EntryDelay = TimeSpan.FromSeconds(30) },
        };
        var logs = new AwaitableLogProvider();
        var audit = new AlarmTestAudit();
        var alerts = new AlarmTestAlerts();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton(new HomeAssistantClientOptions { WebSocketUri = server.WebSocketUri, AccessToken = FakeHomeAssistant.ValidToken });
        collection.AddSingleton<IHomeBackend, HomeAssistantBackend>();
        collection.AddSingleton<IAppOptionsProvider>(new AlarmTestOptionsProvider(options));
        collection.AddSingleton<IAuditTrail>(audit);
        collection.AddSingleton<IAlerts>(alerts);
        collection.AddSingleton(AppDescriptor.For(typeof(AlarmApp)));
        collection.AddHomeAppModel();
        await using var services = collection.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => services.GetRequiredService<HomeRuntime>().RunAsync(stop.Token));

        try
        {
            await logs.Lines.WaitForAsync(l => l.Message.Contains("took up HA's last state armed_away", StringComparison.Ordinal), "the armed state taken up");
        }
        catch (TimeoutException)
        {
            Assert.Fail(logs.Dump());
        }

        server.SetState(Door, "on", new { device_class = "door", friendly_name = "Front door" });
        await audit.Entries.WaitForAsync(e => e.Detail == "armed_away -> pending", "the entry delay");
        time.Advance(TimeSpan.FromSeconds(30));

        var zigbee = await server.WaitForServiceCallAsync(c => c.Domain == "switch" && c.Service == "turn_on");
        var siren = await server.WaitForServiceCallAsync(c => c.Domain == "siren" && c.Service == "turn_on");
        var alert = await alerts.Raised.WaitForAsync(a => a.Key == AlarmApp.IntrusionKey, "the intrusion alert");
        Assert.Equal([ZigbeeSiren], zigbee.TargetEntityIds);
        Assert.Equal([HaSiren], siren.TargetEntityIds);
        Assert.Equal((AlertSeverity.Critical, Door), (alert.Severity, alert.Values!["sensor"]));
        await audit.Entries.WaitForCountAsync(e => e.Action == "service_call" && e.Result == "ok", 2, "both sirens confirmed by HA");

        await stop.CancelAsync();
        await run.WaitAsync(AwaitableList<int>.Safety);
    }
}
