using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Apps.Alarm.Tests.Support;

namespace ProofOfHeat.Apps.Alarm.Tests.HomeAssistant;

/// <summary>
/// The alarm through the real HA WebSocket client against the fake HA, and its panel through the real MQTT entity
/// manager on mosquitto: armed from HA's panel (MQTT), a door sensor's <c>state_changed</c> from HA starts the entry
/// delay, the sirens are switched on through HA's services (recorded by the fake HA), the critical alert is raised, and
/// the panel disarms it all again. Every wait is bounded (10 s), and so is the teardown.
/// </summary>
public sealed class AlarmOverFakeHaTests
{
    private const string Code = "2580";

    [Fact]
    public async Task ArmedFromThePanel_TheDoorOpens_SirensThroughHa_AndAlert_ThenDisarmedFromThePanel()
    {
        var options = AlarmConfigs.House(Code, codeToArm: true);
        await using var rig = await AlarmOverHaRig.StartAsync(options, panelStateInHa: "disarmed");
        await rig.ConnectedAsync();

        var arming = rig.PanelWillShowAsync("arming");
        await rig.PressAsync("ARM_AWAY", Code);
        await arming;
        var armed = rig.PanelWillShowAsync("armed_away");
        await rig.AdvanceAsync(options.Away!.ExitDelay);
        await armed;

        var pending = rig.PanelWillShowAsync("pending");
        rig.Server.SetState(AlarmConfigs.FrontDoor, "on", new { device_class = "door", friendly_name = "Front door" });
        await pending;
        Assert.Empty(rig.Server.ServiceCalls);
        var triggered = rig.PanelWillShowAsync("triggered");
        await rig.AdvanceAsync(options.Away.EntryDelay);
        await triggered;

        var zigbeeSiren = await rig.Server.ServiceCallAsync(c => c.Domain == "switch" && c.Service == "turn_on", "the hall siren on");
        var haSiren = await rig.Server.ServiceCallAsync(c => c.Domain == "siren" && c.Service == "turn_on", "the outdoor siren on");
        Assert.Equal([AlarmConfigs.Z2mSiren], zigbeeSiren.TargetEntityIds);
        Assert.Equal([AlarmConfigs.HaSiren], haSiren.TargetEntityIds);
        await rig.Alerts.Raised.WaitAsync(all => all.Any(a => a.Key == AlarmApp.IntrusionKey), "the intrusion alert");
        var alert = rig.Alerts.Raised.All.Single(a => a.Key == AlarmApp.IntrusionKey);
        Assert.Equal((AlertSeverity.Critical, AlarmConfigs.FrontDoor), (alert.Severity, alert.Values!["sensor"]));
        // The alarm audits each siren with its reason and HA's answer (the runtime audits the same calls once more, without one).
        await rig.Audit.Entries.WaitAsync(all => all.Count(e => e.Action == "service_call" && e.Reason == "alarm triggered" && e.Result == "ok") == 2, "both sirens confirmed by HA");

        var disarmed = rig.PanelWillShowAsync("disarmed");
        await rig.PressAsync("DISARM", Code);
        await disarmed;

        await rig.Server.ServiceCallAsync(c => c.Domain == "switch" && c.Service == "turn_off", "the hall siren off");
        await rig.Server.ServiceCallAsync(c => c.Domain == "siren" && c.Service == "turn_off", "the outdoor siren off");
        await rig.Alerts.Resolved.WaitAsync(all => all.Contains(AlarmApp.IntrusionKey), "the intrusion alert resolved");
        var commands = rig.Audit.Entries.All.Where(e => e.Action is "arm" or "disarm").Select(e => (e.Actor, e.Action, e.Result)).ToList();
        Assert.Equal([(AlarmApp.PanelActor, "arm", "ok"), (AlarmApp.PanelActor, "disarm", "ok")], commands);
        Assert.DoesNotContain(rig.Logs.Lines, l => l.Message.Contains(Code, StringComparison.Ordinal));
        // The connection to HA lived through the fake clock's jumps: one connection, no reconnect.
        Assert.Equal(1, rig.Server.ConnectionCount);
    }

    [Fact]
    public async Task HaLastShowedArmed_TheBrainTakesItUp_AndAnInstantSensorTriggersAtOnce()
    {
        var options = AlarmConfigs.House(Code);
        await using var rig = await AlarmOverHaRig.StartAsync(options, panelStateInHa: "armed_away");
        await rig.ConnectedAsync();
        await rig.LoggedAsync("took up HA's last state armed_away");

        var triggered = rig.PanelWillShowAsync("triggered");
        rig.Server.SetState(AlarmConfigs.HallMotion, "on", new { device_class = "occupancy", friendly_name = "Hall motion" });
        await triggered;

        await rig.Server.ServiceCallAsync(c => c.Domain == "siren" && c.Service == "turn_on" && c.TargetEntityIds.Contains(AlarmConfigs.HaSiren), "the outdoor siren on");
        await rig.Alerts.Raised.WaitAsync(all => all.Any(a => a.Key == AlarmApp.IntrusionKey && (string?)a.Values!["sensor"] == AlarmConfigs.HallMotion), "the intrusion alert for the motion sensor");
    }
}
