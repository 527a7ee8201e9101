using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Tests.Support;
using Xunit;
using static ProofOfHeat.Notify.Tests.Telegram.TelegramHarness;

namespace ProofOfHeat.Notify.Tests.Telegram;

/// <summary>
/// A command whose arguments are secret (the alarm code of <c>/disarm 4321</c>), through the real Telegram.Bot client
/// against the strict fake Bot API: the message holding the code is deleted where the bot may, the code is never
/// echoed or audited, and where the bot may not delete it the user is told to.
/// </summary>
public sealed class TelegramSecretArgumentsTests
{
    private const string Code = "4321";

    [Fact]
    public async Task In_a_private_chat_the_message_with_the_code_is_deleted_and_the_code_goes_to_HA_only()
    {
        await using var h = await StartAsync();

        h.Server.SendUserMessage(AdminChat, "/disarm " + Code);
        var reply = await h.ReplyAsync(AdminChat, "Done: alarm_disarm.");

        var sent = await h.Server.UserMessages.WaitAsync(m => m.ChatId == AdminChat && m.Text == "/disarm " + Code);
        var deleted = await h.Server.DeletedMessages.WaitAsync(d => d.ChatId == AdminChat);
        Assert.Equal(sent.MessageId, deleted.MessageId);
        Assert.False(h.Server.IsInChat(AdminChat, sent.MessageId));
        // The panel (HA's) checks the code: it travels in the service's documented `code` field.
        var call = Assert.Single(h.Ha.Services("alarm_control_panel.alarm_disarm"));
        Assert.Equal(Code, call.Data.GetProperty("code").GetString());
        Assert.DoesNotContain(Code, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Audit.Entries, e => $"{e.Target} {e.Reason} {e.Result} {e.Detail}".Contains(Code, StringComparison.Ordinal));
        Assert.Contains(h.Audit.Entries, e => e.Action == "disarm" && e.Actor == "telegram:1001" && e.Result == "ok");
    }

    [Fact]
    public async Task In_a_group_where_the_bot_is_no_administrator_the_user_is_asked_to_delete_the_code()
    {
        await using var h = await StartAsync();

        h.Server.SendUserMessage(AdminGroup, "/arm away " + Code, userId: 1001);
        var reply = await h.ReplyAsync(AdminGroup, "Done: alarm_arm_away.");

        Assert.Contains("Delete your message with the code", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, reply.Text, StringComparison.Ordinal);
        var error = await h.Server.Errors.WaitAsync(e => e.Code == 400);
        Assert.Equal("Bad Request: message can't be deleted", error.Description);
        Assert.Empty(h.Server.DeletedMessages.Snapshot());
    }

    [Fact]
    public async Task A_group_administrator_bot_deletes_the_code_and_a_guest_typing_a_code_is_refused_but_still_has_it_deleted()
    {
        await using var h = await StartAsync();
        h.Server.MakeBotAdministrator(AdminGroup);

        h.Server.SendUserMessage(AdminGroup, "/disarm " + Code, userId: 1001);
        await h.ReplyAsync(AdminGroup, "Done: alarm_disarm.");
        h.Server.SendUserMessage(GuestChat, "/disarm " + Code);
        var refused = await h.ReplyAsync(GuestChat, "Your role may read, not act.");

        await h.Server.DeletedMessages.WaitAsync(d => d.ChatId == AdminGroup);
        await h.Server.DeletedMessages.WaitAsync(d => d.ChatId == GuestChat);
        Assert.DoesNotContain("Delete your message", refused.VisibleText, StringComparison.Ordinal);
        Assert.Single(h.Ha.Services("alarm_control_panel.alarm_disarm"));
        var audited = Assert.Single(h.Audit.Entries, e => e.Action == "telegram_command" && e.Actor == "telegram:1003");
        Assert.Equal(("/disarm", "refused"), (audited.Target, audited.Result));
    }

    [Fact]
    public async Task An_unknown_chat_sending_a_code_is_audited_without_the_code()
    {
        await using var h = await StartAsync();
        h.Server.AddChat(999);

        h.Server.SendUserMessage(999, "/disarm " + Code);
        h.Server.SendUserMessage(AdminChat, "/status");
        await h.ReplyAsync(AdminChat, "Alerts:");

        var refused = Assert.Single(h.Audit.Entries, e => e.Action == "telegram_message");
        Assert.Equal("/disarm (secret left out)", refused.Detail);
        Assert.Empty(h.Ha.Calls);
    }

    [Fact]
    public async Task When_an_alert_message_cannot_be_edited_any_more_the_acknowledgement_comes_as_a_new_message()
    {
        await using var h = await StartAsync();
        var alert = await h.Alerts.RaiseAsync(AlertHarness.Leak());
        var message = await h.ReplyAsync(AdminChat, "Water leak: Kitchen sink");
        h.Time.Advance(TimeSpan.FromMinutes(3));

        // The user deleted the alert from the chat: Telegram has nothing left to edit.
        h.Server.DeleteByUser(AdminChat, message.MessageId);
        Assert.True(await h.Alerts.AcknowledgeAsync(alert.Key, "telegram:1001"));

        var note = await h.ReplyAsync(AdminChat, "Acknowledged by telegram:1001 · 06:03");
        Assert.StartsWith("👌 <b>Water leak: Kitchen sink</b>", note.Text, StringComparison.Ordinal);
        Assert.Contains(h.Server.Errors.Snapshot(), e => e.Description == "Bad Request: message to edit not found");
        Assert.Equal(AlertState.Acknowledged, Assert.Single(h.Alerts.Open).State);
    }
}
