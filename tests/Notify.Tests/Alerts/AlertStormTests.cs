using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Tests.Support;
using Xunit;

namespace ProofOfHeat.Notify.Tests.Alerts;

/// <summary>A key raised and resolved 1,000 times a second: few notifications, few record updates, HA's records end true.</summary>
public sealed class AlertStormTests
{
    [Fact]
    public async Task A_key_flapping_a_thousand_times_a_second_sends_a_handful_of_deliveries_and_ends_resolved()
    {
        var store = new CountingAlertStore();
        using var h = new AlertHarness(store: store);
        for (var i = 0; i < 1000; i++)
        {
            await h.Service.RaiseAsync(AlertHarness.Leak());
            await h.Service.ResolveAsync("safety.leak.kitchen");
            h.Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        h.Time.Advance(AlertService.RecordWindow * 2);
        var deliveries = h.Drain();

        // People: the rate limit's three raises and their three resolves.
        Assert.Equal(3, deliveries.Count(d => d.NotifyPeople && d.Kind == AlertDeliveryKind.Raised));
        Assert.Equal(3, deliveries.Count(d => d.NotifyPeople && d.Kind == AlertDeliveryKind.Resolved));
        // HA's records: the first record-only change at once, then the latest once per window, not 1,994 more.
        Assert.InRange(deliveries.Count(d => !d.NotifyPeople), 1, 3);
        Assert.True(h.Service.CoalescedDeliveries >= 1900, $"coalesced {h.Service.CoalescedDeliveries}");
        Assert.Equal(AlertDeliveryKind.Resolved, deliveries[^1].Kind);
        Assert.Equal(0, h.Service.DroppedDeliveries);
        Assert.Empty(h.Service.Open);

        // The disk: one write per flush interval that saw changes (the storm spans one second), ending with the key gone.
        Assert.InRange(store.Batches.Count, 1, 2);
        Assert.Empty(await store.LoadOpenAsync(CancellationToken.None));

        // The storm over, no timer is left behind for the key.
        Assert.Equal(0, h.Time.PendingTimerCount);
    }

    [Fact]
    public async Task A_notification_to_people_supersedes_a_held_record_of_the_same_key()
    {
        using var h = new AlertHarness(new Options.NotifyOptions { MaxNotificationsPerKey = 1, RateWindow = TimeSpan.FromMilliseconds(500) });
        await h.Service.RaiseAsync(AlertHarness.Leak("k", AlertSeverity.Warning));
        await h.Service.ResolveAsync("k");
        await h.Service.RaiseAsync(AlertHarness.Leak("k", AlertSeverity.Warning)); // rate-limited: a record, sent at once
        await h.Service.ResolveAsync("k"); // a record inside the window: held
        Assert.Equal(3, h.Drain().Count);

        // Before the record window ends the rate limit allows again: people are told of the new raise, and the held
        // (older) resolve must not follow it and dismiss HA's card of an open alert.
        h.Time.Advance(TimeSpan.FromMilliseconds(600));
        await h.Service.RaiseAsync(AlertHarness.Leak("k", AlertSeverity.Warning));
        h.Time.Advance(AlertService.RecordWindow * 2);

        var told = Assert.Single(h.Drain());
        Assert.True(told.NotifyPeople);
        Assert.Equal(AlertDeliveryKind.Raised, told.Kind);
        Assert.Single(h.Service.Open);
    }
}
