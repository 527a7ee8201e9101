using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Apps.Alarm.Reminders;
using ProofOfHeat.Apps.Alarm.Tests.Support;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Alarm.Tests.Reminders;

/// <summary>Reminders of what is open or unlocked on leaving and at night, with "Close the garage" and "Lock"
/// carried out when the alert service reports the action pressed.</summary>
public sealed class ReminderTests
{
    private static readonly DateTimeOffset At = AlarmRig.Start;

    [Theory]
    [InlineData("cover.garage_door", "open", true)]
    [InlineData("cover.garage_door", "opening", true)]
    [InlineData("cover.garage_door", "closed", false)]
    [InlineData("cover.garage_door", "unavailable", false)]
    [InlineData("lock.front_door", "unlocked", true)]
    [InlineData("lock.front_door", "jammed", true)]
    [InlineData("lock.front_door", "locked", false)]
    [InlineData("lock.front_door", "locking", false)]
    [InlineData("binary_sensor.front_door_contact", "on", true)]
    [InlineData("binary_sensor.front_door_contact", "off", false)]
    [InlineData("binary_sensor.front_door_contact", "unavailable", false)]
    public void Due_ReadsHaStates(string entityId, string state, bool due)
    {
        var options = AlarmConfigs.House().Reminders;

        var reminders = ReminderPolicy.Due(options, id => id == entityId ? EntityState.Create(id, state, At) : null);

        Assert.Equal(due, reminders.Any(r => r.EntityId == entityId));
    }

    [Theory]
    [InlineData("home", true)]
    [InlineData("not_home", false)]
    [InlineData("2", true)]
    [InlineData("0", false)]
    [InlineData("unavailable", null)]
    public void SomeoneHome_ReadsPersonsGroupsAndZones(string state, bool? expected)
    {
        Assert.Equal(expected, ReminderPolicy.SomeoneHome(["zone.home"], id => EntityState.Create(id, state, At)));
    }

    [Fact]
    public async Task ArmingAway_RemindsOfTheGarageAndTheLock_AndTheirActionsAreCarriedOut()
    {
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House(), r =>
        {
            r.Ha.SetState(AlarmConfigs.Garage, "open", new { device_class = "garage", supported_features = 11 });
            r.Ha.SetState(AlarmConfigs.FrontLock, "unlocked", new { supported_features = 1 });
        });

        await rig.App.HandleAsync(new MqttAlarmCommand("ARM_AWAY", null), AlarmApp.PanelActor);

        var garage = Assert.Single(rig.Alerts.Raised.All, a => a.Key == "alarm.reminder." + AlarmConfigs.Garage);
        var lockAlert = Assert.Single(rig.Alerts.Raised.All, a => a.Key == "alarm.reminder." + AlarmConfigs.FrontLock);
        Assert.Equal((AlertSeverity.Warning, "on leaving"), (garage.Severity, garage.Values!["occasion"]));
        Assert.Equal([ReminderPolicy.CloseGarage], garage.Actions);
        Assert.Equal([ReminderPolicy.Lock], lockAlert.Actions);

        rig.Alerts.Press(garage.Key, "close_garage", "telegram:421337");
        rig.Alerts.Press(lockAlert.Key, "lock", "ha:anna");

        await rig.AuditedAsync(e => e.Detail == "cover.close_cover" && e.Target == AlarmConfigs.Garage && e.Actor == "telegram:421337" && e.Result == "ok", "garage closed");
        await rig.AuditedAsync(e => e.Detail == "lock.lock" && e.Target == AlarmConfigs.FrontLock && e.Actor == "ha:anna", "door locked");
        Assert.Contains(rig.Ha.Calls, c => (c.Domain, c.Service, c.Target!.EntityIds![0]) == ("cover", "close_cover", AlarmConfigs.Garage));
        Assert.Contains(rig.Ha.Calls, c => (c.Domain, c.Service, c.Target!.EntityIds![0]) == ("lock", "lock", AlarmConfigs.FrontLock));

        rig.Ha.SetState(AlarmConfigs.Garage, "closing", new { device_class = "garage" });
        rig.Ha.SetState(AlarmConfigs.Garage, "closed", new { device_class = "garage" });
        await rig.Alerts.Resolved.WaitAsync(all => all.Contains(garage.Key), "the garage reminder resolved");
        Assert.DoesNotContain(lockAlert.Key, rig.Alerts.Resolved.All);
    }

    [Fact]
    public async Task EverybodyLeaving_RemindsOfTheOpenWindow()
    {
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House(), r => r.SetContact(AlarmConfigs.LivingWindow, "window", open: true));
        Assert.Empty(rig.Alerts.Raised.All);

        rig.Ha.SetState(AlarmConfigs.Family, "not_home", new { friendly_name = "Family", entity_id = new[] { "person.anna", "person.oleg" } });

        await rig.Alerts.Raised.WaitAsync(all => all.Any(a => a.Key == "alarm.reminder." + AlarmConfigs.LivingWindow), "the window reminder");
        Assert.Equal("on leaving", rig.Alerts.Raised.All[0].Values!["occasion"]);
    }

    [Fact]
    public async Task AtNight_AGarageLeftOpen_IsReminded_EveryNight_InLocalTime()
    {
        // 18:00 UTC is 21:00 in Moscow (UTC+3): the 22:30 check is due at 19:30 UTC.
        await using var rig = await AlarmRig.StartAsync(AlarmConfigs.House(), r =>
        {
            r.Time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("MSK", TimeSpan.FromHours(3), "MSK", "MSK"));
            r.Ha.SetState(AlarmConfigs.Garage, "open", new { device_class = "garage" });
        });

        rig.Time.Advance(TimeSpan.FromMinutes(89));
        Assert.Empty(rig.Alerts.Raised.All);
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.Alerts.Raised.WaitAsync(all => all.Count == 1, "the first night's reminder");
        rig.Time.Advance(TimeSpan.FromHours(24));
        await rig.Alerts.Raised.WaitAsync(all => all.Count == 2, "the second night's reminder");

        Assert.All(rig.Alerts.Raised.All, a => Assert.Equal(("alarm.reminder." + AlarmConfigs.Garage, "at night"), (a.Key, a.Values!["occasion"])));
    }
}
