using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Apps.Alarm.Panel;
using ProofOfHeat.Apps.Alarm.Tests.Support;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Alarm.Tests.App;

/// <summary>The alarm app on fake time against the fake HA context: entry delay then triggered, sirens on (a
/// Zigbee2MQTT switch and an HA siren), a critical alert with its action, every arm and disarm audited with who.</summary>
public sealed class AlarmAppTests
{
    private const string Telegram = "telegram:421337";

    [Fact]
    public async Task EntryDelay_ThenTriggered_SirensOn_CriticalAlertSent_DisarmSilences()
    {
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House("2580"));

        var arm = await rig.App.HandleAsync(new MqttAlarmCommand("ARM_AWAY", null), Telegram);
        Assert.Equal("arming", arm.After.HaState);
        rig.Time.Advance(TimeSpan.FromSeconds(60));
        await rig.StateAsync("armed_away");

        rig.SetContact(AlarmConfigs.FrontDoor, "door", open: true);
        await rig.StateAsync("pending");
        rig.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("pending", rig.App.Status.HaState);
        Assert.Empty(rig.Alerts.Raised.All);
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        await rig.StateAsync("triggered");
        await rig.Alerts.Raised.WaitAsync(all => all.Any(a => a.Key == AlarmApp.IntrusionKey), "the intrusion alert");
        await rig.AuditedAsync(e => e.Target == AlarmConfigs.HaSiren && e.Detail == "siren.turn_on", "the HA siren on");
        await rig.AuditedAsync(e => e.Target == AlarmConfigs.Z2mSiren && e.Detail == "switch.turn_on", "the z2m siren on");

        var alert = Assert.Single(rig.Alerts.Raised.All, a => a.Key == AlarmApp.IntrusionKey);
        Assert.Equal((AlertSeverity.Critical, "alarm", AlarmConfigs.FrontDoor), (alert.Severity, alert.Source, alert.Values!["sensor"]));
        Assert.Equal([AlarmApp.SilenceSiren], alert.Actions);
        Assert.Contains(rig.Ha.Calls, c => (c.Domain, c.Service, c.Target!.EntityIds![0]) == ("switch", "turn_on", AlarmConfigs.Z2mSiren));
        Assert.Contains(rig.Ha.Calls, c => (c.Domain, c.Service, c.Target!.EntityIds![0]) == ("siren", "turn_on", AlarmConfigs.HaSiren));

        var disarm = await rig.App.HandleAsync(new MqttAlarmCommand("DISARM", "2580"), Telegram);

        Assert.Equal("disarmed", disarm.After.HaState);
        await rig.Alerts.Resolved.WaitAsync(all => all.Contains(AlarmApp.IntrusionKey), "the alert resolved");
        Assert.Contains(rig.Ha.Calls, c => (c.Domain, c.Service, c.Target!.EntityIds![0]) == ("switch", "turn_off", AlarmConfigs.Z2mSiren));
        var audited = rig.Audit.Entries.All.Where(e => e.Action is "arm" or "disarm").Select(e => (e.Actor, e.Action, e.Result)).ToList();
        Assert.Equal([(Telegram, "arm", "ok"), (Telegram, "disarm", "ok")], audited);
    }

    [Fact]
    public async Task WrongCode_IsRefusedAndAudited_AndTheCodeAppearsNowhere()
    {
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House("2580"));
        await rig.App.HandleAsync(new MqttAlarmCommand("ARM_HOME", null), AlarmApp.PanelActor);

        var wrong = await rig.App.HandleAsync(new MqttAlarmCommand("DISARM", "1470"), AlarmApp.PanelActor);
        var none = await rig.App.HandleAsync(new MqttAlarmCommand("DISARM", null), AlarmApp.PanelActor);

        Assert.Equal(("armed_home", "wrong code"), (wrong.After.HaState, wrong.Refusal));
        Assert.Equal("a code is needed", none.Refusal);
        var refusals = rig.Audit.Entries.All.Where(e => e.Action == "disarm").Select(e => (e.Actor, e.Result)).ToList();
        Assert.Equal([(AlarmApp.PanelActor, "refused: wrong code"), (AlarmApp.PanelActor, "refused: a code is needed")], refusals);
        Assert.DoesNotContain(rig.Audit.Entries.All, e => e.ToString().Contains("1470", StringComparison.Ordinal) || e.ToString().Contains("2580", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Harness.Logs.Lines, l => l.Message.Contains("1470", StringComparison.Ordinal) || l.Message.Contains("2580", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InstantSensor_TriggersWithoutEntryDelay_AndTheSirenStopsAfterTheTriggerTime()
    {
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House());
        await rig.App.HandleAsync(new MqttAlarmCommand("ARM_NIGHT", null), AlarmApp.PanelActor);
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        await rig.StateAsync("armed_night");

        rig.SetContact(AlarmConfigs.HallMotion, "occupancy", open: true);
        await rig.StateAsync("triggered");
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        await rig.StateAsync("armed_night");

        await rig.AuditedAsync(e => e.Target == AlarmConfigs.HaSiren && e.Detail == "siren.turn_off", "the siren off after the trigger time");
        Assert.Contains(rig.Alerts.Open, a => a.Key == AlarmApp.IntrusionKey); // still open until someone answers or disarms
    }

    [Fact]
    public async Task ASirenThatFails_DoesNotStopTheOtherSirenOrTheAlert()
    {
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House());
        rig.Ha.FailWith = call => call.Domain == "switch" ? new TimeoutException("no reply from HA") : null;
        await rig.App.HandleAsync(new MqttAlarmCommand("ARM_HOME", null), AlarmApp.PanelActor);

        rig.SetContact(AlarmConfigs.LivingWindow, "window", open: true);

        await rig.Alerts.Raised.WaitAsync(all => all.Any(a => a.Key == AlarmApp.IntrusionKey), "the intrusion alert");
        await rig.AuditedAsync(e => e.Target == AlarmConfigs.Z2mSiren && e.Result.StartsWith("failed", StringComparison.Ordinal), "the failed siren audited");
        await rig.AuditedAsync(e => e.Target == AlarmConfigs.HaSiren && e.Result == "ok", "the other siren on");
    }

    [Fact]
    public async Task SilenceSirenAction_FromTheAlert_SwitchesTheSirensOff_AsThePersonWhoPressedIt()
    {
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House());
        await rig.App.HandleAsync(new MqttAlarmCommand("TRIGGER", null), AlarmApp.PanelActor);
        await rig.Alerts.Raised.WaitAsync(all => all.Any(a => a.Key == AlarmApp.IntrusionKey), "the intrusion alert");

        rig.Alerts.Press(AlarmApp.IntrusionKey, "silence_siren", "ha:anna");

        await rig.AuditedAsync(e => e.Actor == "ha:anna" && e.Target == AlarmConfigs.HaSiren && e.Detail == "siren.turn_off", "the siren off by anna");
        Assert.Equal("triggered", rig.App.Status.HaState);
    }

    [Fact]
    public async Task ArmingAway_WithAWindowOpen_IsRefused_AndRemindsOfIt()
    {
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House(), r => r.SetContact(AlarmConfigs.LivingWindow, "window", open: true));

        var arm = await rig.App.HandleAsync(new MqttAlarmCommand("ARM_AWAY", null), AlarmApp.PanelActor);

        Assert.Equal($"open: {AlarmConfigs.LivingWindow}", arm.Refusal);
        var reminder = Assert.Single(rig.Alerts.Raised.All);
        Assert.Equal(("alarm.reminder." + AlarmConfigs.LivingWindow, AlertSeverity.Warning), (reminder.Key, reminder.Severity));
        Assert.Null(reminder.Actions);
    }

    [Fact]
    public async Task AfterARestart_TheArmedModeHaShowedIsTakenUp()
    {
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House(), r => r.Ha.SetState(AlarmPanelEntity.EntityId, "armed_night", new { code_format = "number", changed_by = (string?)null, code_arm_required = false, supported_features = 39 }));

        Assert.Equal("armed_night", rig.App.Status.HaState);
        rig.SetContact(AlarmConfigs.LivingWindow, "window", open: true);
        await rig.StateAsync("triggered");
    }

    [Fact]
    public async Task WhenHaComesAfterTheApp_ItsLastArmedStateIsTakenUpThen()
    {
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House());
        Assert.Equal("disarmed", rig.App.Status.HaState);

        rig.Ha.SetState(AlarmPanelEntity.EntityId, "armed_away", new { code_format = (string?)null, supported_features = 47 });

        await rig.StateAsync("armed_away");
        rig.Ha.SetState(AlarmPanelEntity.EntityId, "armed_home", new { supported_features = 47 }); // taken up once only
        Assert.Equal("armed_away", rig.App.Status.HaState);
    }
}
