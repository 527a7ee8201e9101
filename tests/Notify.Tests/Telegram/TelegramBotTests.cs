using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Tests.Support;
using Xunit;
using static ProofOfHeat.Notify.Tests.Telegram.TelegramHarness;

namespace ProofOfHeat.Notify.Tests.Telegram;

/// <summary>The real Telegram.Bot client, driven by our bot, against the strict fake Bot API server.</summary>
public sealed class TelegramBotTests
{
    [Fact]
    public async Task The_bot_announces_its_commands_and_status_answers_an_allowed_chat()
    {
        await using var h = await StartAsync();
        await h.Alerts.RaiseAsync(AlertHarness.Leak());

        h.Server.SendUserMessage(AdminChat, "/status");
        var reply = await h.ReplyAsync(AdminChat, "Alerts: 1 critical, 0 warning, 0 info");

        Assert.Equal(["status", "alerts", "ack", "arm", "disarm"], h.Server.Commands);
        Assert.Equal("Html", reply.ParseMode);
        Assert.Equal(["cmd:alerts"], reply.ButtonData);
        // Telegram.Bot posts JSON; the webhook is deleted before polling starts (getUpdates answers 409 while one is set).
        // The alert raised at start may be sent before the poller begins, so only the order of those two is fixed.
        var requests = h.Server.Requests.Snapshot();
        var methods = requests.Select(r => r.Method).ToList();
        Assert.InRange(methods.IndexOf("deleteWebhook"), 0, methods.IndexOf("getUpdates") - 1);
        Assert.All(requests, r => Assert.Equal("POST", r.HttpMethod));
        Assert.Contains(requests, r => r.Method == "getUpdates" && r.Parameters["timeout"]!.GetValue<int>() == 5);
    }

    [Fact]
    public async Task An_alert_reaches_its_person_with_buttons_and_the_Acknowledge_button_acknowledges_it()
    {
        await using var h = await StartAsync();
        var alert = await h.Alerts.RaiseAsync(AlertHarness.Leak());

        var message = await h.ReplyAsync(AdminChat, "Water leak: Kitchen sink");
        Assert.Equal(["ack:" + alert.Id, $"act:{alert.Id}:close_valve", "snz:" + alert.Id], message.ButtonData);
        Assert.StartsWith("🚨 <b>Water leak: Kitchen sink</b>", message.Text, StringComparison.Ordinal);

        var query = h.Server.PressButton(message, "ack:" + alert.Id);
        var answer = await h.Server.CallbackAnswers.WaitAsync(a => a.CallbackQueryId == query);

        Assert.Equal("Done.", answer.Text);
        var acked = Assert.Single(h.Alerts.Open);
        Assert.Equal(AlertState.Acknowledged, acked.State);
        Assert.Equal("telegram:" + AdminChat, acked.By);
        // The message that carried the alert now says who acknowledged it and when, and has no buttons left.
        var edited = await h.Server.EditedMessages.WaitAsync(m => m.MessageId == message.MessageId);
        Assert.Equal($"{message.VisibleText}\n\n👌 Acknowledged by telegram:1001 · 06:00", edited.VisibleText);
        Assert.Empty(edited.ButtonData);
    }

    [Fact]
    public async Task A_rule_action_button_reaches_the_raising_app()
    {
        await using var h = await StartAsync();
        var invoked = new TaskCompletionSource<AlertActionInvoked>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = h.Alerts.ActionsInvoked.Subscribe(a => invoked.TrySetResult(a));
        var alert = await h.Alerts.RaiseAsync(AlertHarness.Leak());

        var message = await h.ReplyAsync(AdminChat, "Water leak");
        h.Server.PressButton(message, $"act:{alert.Id}:close_valve");

        var action = await invoked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("close_valve", action.ActionId);
        Assert.Equal("telegram:1001", action.By);
    }

    [Fact]
    public async Task A_guest_reads_but_may_not_act()
    {
        await using var h = await StartAsync();
        var alert = await h.Alerts.RaiseAsync(AlertHarness.Leak());

        h.Server.SendUserMessage(GuestChat, "/alerts");
        var list = await h.ReplyAsync(GuestChat, "Water leak: Kitchen sink");
        h.Server.SendUserMessage(GuestChat, "/ack");
        await h.ReplyAsync(GuestChat, "Your role may read, not act.");
        var query = h.Server.PressButton(list, "ack:" + alert.Id);
        var answer = await h.Server.CallbackAnswers.WaitAsync(a => a.CallbackQueryId == query);

        Assert.Equal("Your role may read, not act.", answer.Text);
        Assert.Equal(AlertState.Raised, Assert.Single(h.Alerts.Open).State);
        Assert.Equal(2, h.Audit.Entries.Count(e => e.Action == "telegram_command" && e.Result == "refused" && e.Actor == "telegram:1003"));
    }

    [Fact]
    public async Task A_message_from_an_unknown_chat_is_ignored_and_audited()
    {
        await using var h = await StartAsync();
        h.Server.AddChat(999);

        h.Server.SendUserMessage(999, "/status");
        h.Server.SendUserMessage(AdminChat, "/status");
        // Updates are handled in order, so once the admin has an answer the stranger's message was dealt with.
        await h.ReplyAsync(AdminChat, "Alerts:");

        Assert.DoesNotContain(h.Server.SentMessages.Snapshot(), m => m.ChatId == 999);
        var refused = Assert.Single(h.Audit.Entries, e => e.Action == "telegram_message");
        Assert.Equal("chat:999", refused.Target);
        Assert.Equal("refused", refused.Result);
        Assert.Equal("/status", refused.Detail);
    }

    [Fact]
    public async Task Arm_offers_the_modes_and_a_button_arms_the_panel_through_HA_for_an_admin_only()
    {
        await using var h = await StartAsync();

        h.Server.SendUserMessage(OperatorChat, "/arm away");
        await h.ReplyAsync(OperatorChat, "Your role may read, not act.");
        h.Server.SendUserMessage(AdminChat, "/arm");
        var menu = await h.ReplyAsync(AdminChat, "Arm how?");
        Assert.Equal(["cmd:arm home", "cmd:arm away", "cmd:arm night", "cmd:arm vacation"], menu.ButtonData);
        h.Server.PressButton(menu, "cmd:arm away");
        await h.ReplyAsync(AdminChat, "Done: alarm_arm_away.");
        h.Server.SendUserMessage(AdminChat, "/disarm");
        await h.ReplyAsync(AdminChat, "Done: alarm_disarm.");

        Assert.Equal(
            ["alarm_control_panel.alarm_arm_away", "alarm_control_panel.alarm_disarm"],
            h.Ha.Calls.Select(c => c.Name));
        Assert.All(h.Ha.Calls, c => Assert.Equal(["alarm_control_panel.home"], c.Target!.EntityIds));
        Assert.Contains(h.Audit.Entries, e => e.Action == "arm" && e.Actor == "telegram:1001" && e.Result == "ok");
        Assert.Contains(h.Audit.Entries, e => e.Action == "disarm" && e.Actor == "telegram:1001");
        Assert.Contains(h.Audit.Entries, e => e.Action == "telegram_command" && e.Actor == "telegram:1002" && e.Target == "/arm" && e.Result == "refused");
    }

    [Fact]
    public async Task A_429_is_waited_out_on_the_injected_clock_for_its_retry_after()
    {
        await using var h = await StartAsync();
        h.Server.RespondWithTooManyRequests("sendMessage", retryAfterSeconds: 7);

        h.Server.SendUserMessage(AdminChat, "/status");
        await h.Server.Errors.WaitAsync(e => e.Code == 429 && e.Description == "Too Many Requests: retry after 7");
        await Until.TrueAsync(() => h.Time.PendingTimerCount == 1, "the sender waits for retry_after");
        h.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Empty(h.Server.SentMessages.Snapshot());
        h.Time.Advance(TimeSpan.FromSeconds(1));

        await h.ReplyAsync(AdminChat, "Alerts:");
        Assert.Equal(1, h.Sender.RateLimited);
    }

    [Fact]
    public async Task Messages_to_one_chat_are_spaced_by_the_per_chat_interval()
    {
        await using var h = await StartAsync(perChatInterval: TimeSpan.FromSeconds(1));

        h.Server.SendUserMessage(AdminChat, "/status");
        h.Server.SendUserMessage(AdminChat, "/alerts");
        await h.ReplyAsync(AdminChat, "Alerts:");
        await Until.TrueAsync(() => h.Time.PendingTimerCount == 1, "the second reply waits for its slot");
        Assert.Single(h.Server.SentMessages.Snapshot());

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.ReplyAsync(AdminChat, "No open alerts.");
    }

    [Fact]
    public async Task A_second_poller_ends_the_older_poll_with_409_and_the_bot_backs_off_without_a_hot_loop()
    {
        await using var h = await StartAsync();
        await Until.TrueAsync(() => h.Server.HasWaitingPoll, "the bot's long poll is waiting");

        using (var other = new HttpClient())
        {
            using var body = new StringContent("{\"timeout\":0}", System.Text.Encoding.UTF8, "application/json");
            using var response = await other.PostAsync(new Uri(h.Server.BaseUrl, $"/bot{h.Telegram.Token}/getUpdates"), body);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        await h.Server.Errors.WaitAsync(e => e.Code == 409);
        await Until.TrueAsync(() => h.Bot.Failures == 1 && h.Time.PendingTimerCount == 1, "the bot waits out its backoff");
        var polls = h.Server.Requests.Snapshot().Count(r => r.Method == "getUpdates");
        Assert.Equal(2, polls); // the bot's one and the other poller's; no retry while the backoff runs

        h.Time.Advance(h.Telegram.MinBackoff);
        await h.Server.Requests.WaitAsync(r => r.Method == "getUpdates", polls);
        h.Server.SendUserMessage(AdminChat, "/status");
        await h.ReplyAsync(AdminChat, "Alerts:");
    }

    [Fact]
    public async Task Texts_are_escaped_for_HTML_cut_to_4096_characters_and_oversized_button_data_left_out()
    {
        await using var h = await StartAsync();
        var request = new AlertRequest(
            "custom.big", AlertSeverity.Warning, "test", "custom.big", "Power <5 kW> & rising", new string('x', 5000),
            Actions: [new AlertAction(new string('a', 70), "Too long to fit")]);

        var alert = await h.Alerts.RaiseAsync(request);
        var message = await h.ReplyAsync(AdminChat, "Power <5 kW> & rising");

        Assert.Equal(4096, message.Text.Length);
        Assert.Contains("Power &lt;5 kW&gt; &amp; rising", message.Text, StringComparison.Ordinal);
        Assert.Equal(["ack:" + alert.Id, "snz:" + alert.Id], message.ButtonData);
        Assert.DoesNotContain(h.Server.Errors.Snapshot(), e => e.Code == 400);
    }
}
