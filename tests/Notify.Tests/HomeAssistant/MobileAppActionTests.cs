using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.HomeAssistant;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Tests.Support;
using ProofOfHeat.Notify.Texts;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.Notify.Tests.HomeAssistant;

/// <summary>Alerts through our real HA client against the fake HA: records, mobile app, notify services and the action event.</summary>
public sealed class MobileAppActionTests
{
    // Healthy paths get generous bounds: CI machines are loaded.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_action_event_from_HA_acknowledges_the_alert_and_stops_escalation()
    {
        await using var ha = new FakeHomeAssistant();
        ha.RegisterService("notify", "mobile_app_pixel_9");
        ha.RegisterService("notify", "email_anna");
        ha.RegisterService("persistent_notification", "dismiss");
        await using var outlet = new RunnerHaOutlet(ha.WebSocketUri, FakeHomeAssistant.ValidToken);
        await Until.TrueAsync(() => outlet.IsConnected && ha.ActiveSubscriptionCount == 2, "connected and subscribed");
        var time = new FakeTimeProvider();
        var options = new NotifyOptions
        {
            People = [new NotifyPerson { Name = "anna", MobileApps = ["pixel_9"], NotifyServices = ["notify.email_anna"] }],
        };
        using var alerts = new AlertService(options, new InMemoryAlertStore(), new RecordingAuditTrail(), time, NullLogger<AlertService>.Instance);
        outlet.Actions = new MobileAppActionHandler(alerts);
        var texts = new AlertTextRenderer(options);
        using var dispatcher = new AlertDispatcher(
            alerts,
            [new HaRecordsChannel(outlet, texts, options), new MobileAppChannel(outlet, texts, options), new NotifyServiceChannel(outlet, texts, options)],
            NullLogger<AlertDispatcher>.Instance);
        await dispatcher.StartAsync(CancellationToken.None);

        var alert = await alerts.RaiseAsync(AlertHarness.Leak());
        var push = await ha.WaitForServiceCallAsync(c => c.Service == "mobile_app_pixel_9").WaitAsync(Bound);
        var card = await ha.WaitForServiceCallAsync(c => c.Domain == "persistent_notification" && c.Service == "create").WaitAsync(Bound);
        var email = await ha.WaitForServiceCallAsync(c => c.Service == "email_anna").WaitAsync(Bound);
        await ha.WaitForMessageAsync(m => m.Type == "fire_event" && m.Json.Contains("\"poh_alert\"", StringComparison.Ordinal)).WaitAsync(Bound);

        Assert.Equal("poh_alert_safety.leak.kitchen", card.ServiceData!["notification_id"]!.GetValue<string>());
        Assert.Equal("Water leak: Kitchen sink", email.ServiceData!["title"]!.GetValue<string>());
        Assert.Equal("alarm_stream", push.ServiceData!["data"]!["channel"]!.GetValue<string>());

        // Unanswered, it repeats after RepeatEvery.
        time.Advance(options.RepeatEvery);
        await Until.TrueAsync(() => PushesFor(ha, alert) == 2, "the repeat reached the phone");

        var ack = push.ServiceData!["data"]!["actions"]![0]!["action"]!.GetValue<string>();
        ha.FireEvent(MobileAppActionHandler.EventType, new { action = ack, tag = "poh_" + alert.Id });
        await Until.TrueAsync(() => alerts.Open.Single().State == AlertState.Acknowledged, "acknowledged from the phone");
        Assert.Equal("ha:mobile_app:anna", alerts.Open.Single().By);

        time.Advance(TimeSpan.FromMinutes(30));
        // A marker alert after the advance: deliveries are sent in order, so any repeat would have gone before it.
        await alerts.RaiseAsync(AlertHarness.Leak("marker", AlertSeverity.Info));
        await ha.WaitForServiceCallAsync(c => c.Service == "mobile_app_pixel_9" && c.ServiceData?["title"]?.GetValue<string>() == "Water leak: Kitchen sink"
            && c.ServiceData?["data"]?["tag"]?.GetValue<string>() != "poh_" + alert.Id).WaitAsync(Bound);
        Assert.Equal(2, PushesFor(ha, alert));
        // The acknowledgement cleared the phone's notification (same tag) and updated HA's card.
        Assert.Contains(ha.ServiceCalls, c => c.Service == "mobile_app_pixel_9" && c.ServiceData?["message"]?.GetValue<string>() == "clear_notification");

        await alerts.ResolveAsync(alert.Key);
        await ha.WaitForServiceCallAsync(c => c.Service == "dismiss" && c.ServiceData?["notification_id"]?.GetValue<string>() == "poh_alert_safety.leak.kitchen").WaitAsync(Bound);
        await dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_snooze_event_holds_the_alert_and_an_unknown_action_is_ignored()
    {
        var time = new FakeTimeProvider();
        using var h = new AlertHarness(time: time);
        var alert = await h.Service.RaiseAsync(AlertHarness.Leak());
        var handler = new MobileAppActionHandler(h.Service);

        Assert.False(await handler.HandleAsync(Event("OPEN_GARAGE"), CancellationToken.None));
        Assert.False(await handler.HandleAsync(Event($"POH:ack:ffffffffff:anna"), CancellationToken.None));
        Assert.True(await handler.HandleAsync(Event($"POH:snooze:{alert.Id}:anna"), CancellationToken.None));
        h.Drain();
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(h.Drain());
        Assert.Contains(h.Audit.Entries, e => e.Action == "alert_snoozed" && e.Actor == "ha:mobile_app:anna");
    }

    [Fact]
    public async Task With_no_people_configured_an_alert_still_reaches_HA_as_an_event_and_a_persistent_notification()
    {
        var outlet = new RecordingHaOutlet();
        var options = new NotifyOptions();
        using var h = new AlertHarness(options);
        var texts = new AlertTextRenderer(options);
        using var dispatcher = new AlertDispatcher(h.Service, [new HaRecordsChannel(outlet, texts, options), new MobileAppChannel(outlet, texts, options)], NullLogger<AlertDispatcher>.Instance);
        await dispatcher.StartAsync(CancellationToken.None);

        await h.Service.RaiseAsync(AlertHarness.Leak());
        await Until.TrueAsync(() => dispatcher.Delivered == 1, "delivered");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(["event poh_alert", "service persistent_notification.create"], outlet.Calls.Select(c => c.Kind + " " + c.Name));
        var data = outlet.Calls[0].Data!.Value;
        Assert.Equal("raised", data.GetProperty("event").GetString());
        Assert.Equal("critical", data.GetProperty("severity").GetString());
        Assert.Equal("Water leak: Kitchen sink", data.GetProperty("title").GetString());
    }

    private static int PushesFor(FakeHomeAssistant ha, Alert alert) => ha.ServiceCalls.Count(c =>
        c.Service == "mobile_app_pixel_9" && c.ServiceData?["data"]?["tag"]?.GetValue<string>() == "poh_" + alert.Id
        && c.ServiceData?["message"]?.GetValue<string>() != "clear_notification");

    private static AppModel.Backend.HomeEvent Event(string action) => new(
        MobileAppActionHandler.EventType,
        System.Text.Json.JsonSerializer.SerializeToElement(new { action }),
        DateTimeOffset.UnixEpoch);
}
