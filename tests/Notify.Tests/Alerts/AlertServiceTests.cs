using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Tests.Support;
using Xunit;

namespace ProofOfHeat.Notify.Tests.Alerts;

public sealed class AlertServiceTests
{
    [Fact]
    public async Task Raising_the_same_key_again_while_open_updates_it_and_tells_nobody_again()
    {
        using var h = new AlertHarness();
        var first = await h.Service.RaiseAsync(AlertHarness.Leak());
        var again = await h.Service.RaiseAsync(AlertHarness.Leak() with { Message = "Still wet" });

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("Still wet", Assert.Single(h.Service.Open).Request.Message);
        var delivery = Assert.Single(h.Drain());
        Assert.Equal(AlertDeliveryKind.Raised, delivery.Kind);
        Assert.True(delivery.NotifyPeople);
        Assert.Single(h.Audit.Entries, e => e.Action == "alert_raised" && e.Actor == "app:safety" && e.Target == "safety.leak.kitchen");
    }

    [Fact]
    public async Task Acknowledge_records_who_and_resolve_closes_the_alert()
    {
        using var h = new AlertHarness();
        await h.Service.RaiseAsync(AlertHarness.Leak());

        Assert.True(await h.Service.AcknowledgeAsync("safety.leak.kitchen", "telegram:42"));
        var acked = Assert.Single(h.Service.Open);
        Assert.Equal(AlertState.Acknowledged, acked.State);
        Assert.Equal("telegram:42", acked.By);

        await h.Service.ResolveAsync("safety.leak.kitchen");
        Assert.Empty(h.Service.Open);
        Assert.False(await h.Service.AcknowledgeAsync("safety.leak.kitchen", "telegram:42"));
        Assert.Equal(
            [AlertDeliveryKind.Raised, AlertDeliveryKind.Acknowledged, AlertDeliveryKind.Resolved],
            h.Drain().Select(d => d.Kind));
        Assert.Contains(h.Audit.Entries, e => e.Action == "alert_acknowledged" && e.Actor == "telegram:42");
        Assert.Contains(h.Audit.Entries, e => e.Action == "alert_resolved");
        h.Time.Advance(AlertWriteBehind.FlushEvery);
        Assert.Empty(await h.Store.LoadOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_unacknowledged_critical_alert_repeats_and_escalates_until_acknowledged()
    {
        using var h = new AlertHarness();
        await h.Service.RaiseAsync(AlertHarness.Leak());
        Assert.Equal(0, Assert.Single(h.Drain()).Level);

        h.Time.Advance(TimeSpan.FromMinutes(5));
        var repeat = Assert.Single(h.Drain());
        Assert.Equal(AlertDeliveryKind.Repeated, repeat.Kind);
        Assert.Equal(1, repeat.Level);

        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, Assert.Single(h.Drain()).Level);

        await h.Service.AcknowledgeAsync("safety.leak.kitchen", "ha:mobile_app:anna");
        h.Drain();
        h.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Empty(h.Drain());
    }

    [Fact]
    public async Task Warnings_do_not_repeat()
    {
        using var h = new AlertHarness();
        await h.Service.RaiseAsync(AlertHarness.Leak("safety.sensor.x", AlertSeverity.Warning));
        h.Drain();
        h.Time.Advance(TimeSpan.FromHours(2));
        Assert.Empty(h.Drain());
    }

    [Fact]
    public async Task Quiet_hours_hold_a_warning_until_they_end_but_never_a_critical_alert()
    {
        var options = new ProofOfHeat.Notify.Options.NotifyOptions
        {
            People = [new ProofOfHeat.Notify.Options.NotifyPerson { Name = "anna" }],
            QuietHours = new ProofOfHeat.Notify.Options.QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)),
        };
        // The fake clock starts at 06:00 UTC, inside 22:00–07:00.
        using var h = new AlertHarness(options);
        await h.Service.RaiseAsync(AlertHarness.Leak("safety.sensor.battery", AlertSeverity.Warning));
        await h.Service.RaiseAsync(AlertHarness.Leak());

        var now = h.Drain();
        Assert.False(now.Single(d => d.Alert.Severity == AlertSeverity.Warning).NotifyPeople);
        Assert.True(now.Single(d => d.Alert.Severity == AlertSeverity.Critical).NotifyPeople);

        h.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.DoesNotContain(h.Drain(), d => d.Alert.Severity == AlertSeverity.Warning);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var released = Assert.Single(h.Drain(), d => d.Alert.Severity == AlertSeverity.Warning);
        Assert.True(released.NotifyPeople);
        Assert.Equal(AlertDeliveryKind.Raised, released.Kind);
    }

    [Fact]
    public async Task A_flapping_sensor_tells_people_at_most_three_times_an_hour()
    {
        using var h = new AlertHarness();
        for (var i = 0; i < 10; i++)
        {
            await h.Service.RaiseAsync(AlertHarness.Leak("safety.leak.flappy", AlertSeverity.Warning));
            await h.Service.ResolveAsync("safety.leak.flappy");
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var raised = h.Drain().Where(d => d.Kind == AlertDeliveryKind.Raised).ToList();
        Assert.Equal(10, raised.Count);
        Assert.Equal(3, raised.Count(d => d.NotifyPeople));

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.Service.RaiseAsync(AlertHarness.Leak("safety.leak.flappy", AlertSeverity.Warning));
        Assert.True(Assert.Single(h.Drain()).NotifyPeople);
    }

    [Fact]
    public async Task Open_alerts_survive_a_restart_and_critical_ones_keep_escalating()
    {
        var store = new InMemoryAlertStore();
        var time = new ProofOfHeat.TestKit.Time.FakeTimeProvider();
        Alert raised;
        // A clean stop (DisposeAsync) writes what the write-behind store still held.
        await using (var before = new AlertHarness(store: store, time: time))
        {
            raised = await before.Service.RaiseAsync(AlertHarness.Leak());
            await before.Service.RaiseAsync(AlertHarness.Leak("safety.sensor.battery", AlertSeverity.Warning));
            await before.Service.AcknowledgeAsync("safety.sensor.battery", "telegram:1");
        }

        using var after = new AlertHarness(store: store, time: time);
        await after.Service.RestoreAsync(CancellationToken.None);

        Assert.Equal(2, after.Service.Open.Count);
        Assert.Equal(raised.Id, after.Service.Open[0].Id);
        Assert.Equal(AlertState.Acknowledged, after.Service.Open[1].State);
        time.Advance(TimeSpan.FromMinutes(5));
        var repeat = Assert.Single(after.Drain());
        Assert.Equal(AlertDeliveryKind.Repeated, repeat.Kind);
        Assert.Equal(raised.Id, repeat.Alert.Id);
    }

    [Fact]
    public async Task Snooze_holds_repeats_for_an_hour_then_repeats_again()
    {
        using var h = new AlertHarness();
        await h.Service.RaiseAsync(AlertHarness.Leak());
        h.Drain();
        Assert.True(h.Service.Snooze("safety.leak.kitchen", "telegram:7"));

        h.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(h.Drain());
        h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(AlertDeliveryKind.Repeated, Assert.Single(h.Drain()).Kind);
        Assert.Contains(h.Audit.Entries, e => e.Action == "alert_snoozed" && e.Actor == "telegram:7");
    }

    [Fact]
    public async Task A_rule_action_reaches_the_raising_app_and_an_unknown_one_does_not()
    {
        using var h = new AlertHarness();
        await h.Service.RaiseAsync(AlertHarness.Leak());
        var invoked = new List<AlertActionInvoked>();
        using var subscription = h.Service.ActionsInvoked.Subscribe(invoked.Add);

        Assert.False(h.Service.InvokeAction("safety.leak.kitchen", "open_valve", "telegram:1"));
        Assert.True(h.Service.InvokeAction("safety.leak.kitchen", "close_valve", "telegram:1"));

        var action = Assert.Single(invoked);
        Assert.Equal("close_valve", action.ActionId);
        Assert.Equal("telegram:1", action.By);
        Assert.Contains(h.Audit.Entries, e => e.Action == "alert_action" && e.Reason == "close_valve");
    }

    [Fact]
    public async Task Raising_never_waits_for_the_sender_a_full_queue_drops_its_oldest()
    {
        using var h = new AlertHarness(new ProofOfHeat.Notify.Options.NotifyOptions { QueueCapacity = 4 });
        for (var i = 0; i < 10; i++)
        {
            var raise = h.Service.RaiseAsync(AlertHarness.Leak("k" + i, AlertSeverity.Info));
            Assert.True(raise.IsCompleted);
            await raise;
        }

        Assert.Equal(6, h.Service.DroppedDeliveries);
        Assert.Equal(["k6", "k7", "k8", "k9"], h.Drain().Select(d => d.Alert.Key));
    }
}
