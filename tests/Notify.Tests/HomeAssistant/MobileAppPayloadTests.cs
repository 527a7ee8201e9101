using System.Text.Json;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Notify.HomeAssistant;
using ProofOfHeat.Notify.Tests.Support;
using ProofOfHeat.Notify.Texts;
using Xunit;

namespace ProofOfHeat.Notify.Tests.HomeAssistant;

/// <summary>The payloads against the companion docs' shapes (docs/notifications/{basic,actionable,critical}.md).</summary>
public sealed class MobileAppPayloadTests
{
    private static readonly RenderedAlert Text = new("Water leak", "Kitchen sink is wet");

    private static Alert Make(AlertSeverity severity) =>
        new("a1b2c3d4e5", AlertHarness.Leak(severity: severity), AlertState.Raised, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static JsonElement Json(Dictionary<string, object?> payload) => ServiceData.ToJson(payload)!.Value;

    [Fact]
    public void A_critical_alert_carries_actions_and_the_documented_critical_options()
    {
        var json = Json(MobileAppPayload.Alert(Make(AlertSeverity.Critical), Text, AlertWords.English, "anna"));

        Assert.Equal("Water leak", json.GetProperty("title").GetString());
        Assert.Equal("Kitchen sink is wet", json.GetProperty("message").GetString());
        var data = json.GetProperty("data");
        Assert.Equal("poh_a1b2c3d4e5", data.GetProperty("tag").GetString());
        // actionable.md: a list of maps with the required keys action and title.
        var actions = data.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(
            ["POH:ack:a1b2c3d4e5:anna", "POH:act:a1b2c3d4e5:anna:close_valve", "POH:snooze:a1b2c3d4e5:anna"],
            actions.Select(a => a.GetProperty("action").GetString()));
        Assert.Equal(["Acknowledge", "Close valve", "Snooze 1 h"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a => Assert.Equal(["action", "title"], a.EnumerateObject().Select(p => p.Name)));
        // critical.md: iOS push.sound {name, critical: 1, volume}; Android ttl 0, priority high, channel alarm_stream.
        var sound = data.GetProperty("push").GetProperty("sound");
        Assert.Equal("default", sound.GetProperty("name").GetString());
        Assert.Equal(1, sound.GetProperty("critical").GetInt32());
        Assert.Equal(1.0, sound.GetProperty("volume").GetDouble());
        Assert.Equal("critical", data.GetProperty("push").GetProperty("interruption-level").GetString());
        Assert.Equal(0, data.GetProperty("ttl").GetInt32());
        Assert.Equal("high", data.GetProperty("priority").GetString());
        Assert.Equal("alarm_stream", data.GetProperty("channel").GetString());
    }

    [Fact]
    public void A_warning_has_actions_but_none_of_the_critical_options()
    {
        var data = Json(MobileAppPayload.Alert(Make(AlertSeverity.Warning), Text, AlertWords.Russian, "anna")).GetProperty("data");

        Assert.Equal("Подтвердить", data.GetProperty("actions")[0].GetProperty("title").GetString());
        foreach (var key in new[] { "push", "ttl", "priority", "channel" })
        {
            Assert.False(data.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public void Clearing_sends_clear_notification_with_the_same_tag()
    {
        var json = Json(MobileAppPayload.Clear(Make(AlertSeverity.Critical)));

        Assert.Equal("clear_notification", json.GetProperty("message").GetString());
        Assert.Equal("poh_a1b2c3d4e5", json.GetProperty("data").GetProperty("tag").GetString());
    }

    [Theory]
    [InlineData("POH:ack:a1b2c3d4e5:anna", "ack", null)]
    [InlineData("POH:snooze:a1b2c3d4e5:anna", "snooze", null)]
    [InlineData("POH:act:a1b2c3d4e5:anna:close_valve", "act", "close_valve")]
    public void Action_ids_read_back(string action, string verb, string? actionId)
    {
        var id = MobileActionId.TryParse(action);
        Assert.NotNull(id);
        Assert.Equal(verb, id.Verb);
        Assert.Equal("a1b2c3d4e5", id.AlertId);
        Assert.Equal("anna", id.Person);
        Assert.Equal(actionId, id.ActionId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("OPEN_DOOR")]
    [InlineData("POH:ack:a1b2")]
    [InlineData("POH:act:a1b2c3d4e5:anna")]
    [InlineData("POH:dance:a1b2c3d4e5:anna")]
    public void Other_actions_are_not_ours(string? action) => Assert.Null(MobileActionId.TryParse(action));
}
