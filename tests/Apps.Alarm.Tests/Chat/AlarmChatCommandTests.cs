using ProofOfHeat.Apps.Alarm.Tests.Support;
using static ProofOfHeat.Apps.Alarm.Tests.Chat.AlarmChatRig;

namespace ProofOfHeat.Apps.Alarm.Tests.Chat;

/// <summary>
/// <c>/arm &lt;mode&gt; &lt;code&gt;</c> and <c>/disarm &lt;code&gt;</c> from Telegram on the brain's alarm, through the real
/// Telegram.Bot client against the strict fake Bot API: the alarm checks the code, the code is never echoed, audited
/// or left in the chat, wrong codes are limited per chat user, and only admins may arm or disarm.
/// </summary>
public sealed class AlarmChatCommandTests
{
    private const string Code = "2580";

    [Fact]
    public async Task An_admin_arms_and_disarms_with_the_code_and_each_message_holding_it_is_deleted()
    {
        var options = AlarmConfigs.House(Code, codeToArm: true);
        await using var rig = await StartAsync(options);

        var armed = await rig.SayAsync(AdminChat, "/arm home " + Code);
        Assert.Equal("Alarm: armed_home", armed.VisibleText);
        Assert.Equal("armed_home", rig.Alarm.App.Status.HaState);
        var disarmed = await rig.SayAsync(AdminChat, "/disarm " + Code);
        Assert.Equal("Alarm: disarmed", disarmed.VisibleText);

        var codeMessages = rig.Server.UserMessages.Snapshot().Where(m => m.Text.Contains(Code, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, codeMessages.Count);
        Assert.All(codeMessages, m => Assert.False(rig.Server.IsInChat(AdminChat, m.MessageId)));
        Assert.Equal(codeMessages.Select(m => (AdminChat, m.MessageId)), rig.Server.DeletedMessages.Snapshot());
        Assert.DoesNotContain(rig.Server.SentMessages.Snapshot(), m => m.Text.Contains(Code, StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Alarm.Audit.Entries.All, e => $"{e.Target} {e.Reason} {e.Result} {e.Detail}".Contains(Code, StringComparison.Ordinal));
        var audited = rig.Alarm.Audit.Entries.All.Where(e => e.Action is "arm" or "disarm").Select(e => (e.Actor, e.Action, e.Result)).ToList();
        Assert.Equal([("telegram:1001", "arm", "ok"), ("telegram:1001", "disarm", "ok")], audited);
    }

    [Fact]
    public async Task An_operator_may_not_arm_or_disarm_but_the_code_they_typed_is_deleted_all_the_same()
    {
        var options = AlarmConfigs.House(Code);
        await using var rig = await StartAsync(options);

        var reply = await rig.SayAsync(OperatorChat, "/arm home " + Code);

        Assert.Equal("Your role may read, not act.", reply.VisibleText);
        Assert.Equal("disarmed", rig.Alarm.App.Status.HaState);
        var sent = Assert.Single(rig.Server.UserMessages.Snapshot());
        Assert.Equal((OperatorChat, sent.MessageId), Assert.Single(rig.Server.DeletedMessages.Snapshot()));
        var refused = Assert.Single(rig.Alarm.Audit.Entries.All);
        Assert.Equal(("telegram:1002", "telegram_command", "/arm", "refused"), (refused.Actor, refused.Action, refused.Target, refused.Result));
    }

    [Fact]
    public async Task Wrong_codes_from_one_chat_user_lock_that_user_out_for_a_while_then_the_right_code_works()
    {
        var options = AlarmConfigs.House(Code);
        await using var rig = await StartAsync(options);
        Assert.Equal("Alarm: armed_home", (await rig.SayAsync(AdminChat, "/arm home")).VisibleText);

        Assert.Equal("Refused: wrong code", (await rig.SayAsync(AdminChat, "/disarm 1111")).VisibleText);
        Assert.Equal("Refused: wrong code", (await rig.SayAsync(AdminChat, "/disarm 1112")).VisibleText);
        Assert.Equal("Refused: wrong code", (await rig.SayAsync(AdminChat, "/disarm 1113")).VisibleText);
        // The third wrong code in a row locked this user out: even the right code is not tried now.
        Assert.Equal("Too many wrong codes: try again in 5 min.", (await rig.SayAsync(AdminChat, "/disarm " + Code)).VisibleText);
        Assert.Equal("armed_home", rig.Alarm.App.Status.HaState);

        rig.Alarm.Time.Advance(options.Lockout);
        Assert.Equal("Alarm: disarmed", (await rig.SayAsync(AdminChat, "/disarm " + Code)).VisibleText);

        var results = rig.Alarm.Audit.Entries.All.Where(e => e.Action == "disarm").Select(e => (e.Actor, e.Result)).ToList();
        Assert.Equal(
            [
                ("telegram:1001", "refused: wrong code"), ("telegram:1001", "refused: wrong code"), ("telegram:1001", "refused: wrong code"),
                ("telegram:1001", "refused: too many wrong codes from this chat user"), ("telegram:1001", "ok"),
            ],
            results);
        Assert.Equal(6, rig.Server.DeletedMessages.Count); // every /arm and /disarm with arguments, the first one too
    }

    [Fact]
    public async Task Arm_without_a_mode_offers_the_modes_as_buttons_when_arming_needs_no_code()
    {
        await using var rig = await StartAsync(AlarmConfigs.House(Code));

        var menu = await rig.SayAsync(AdminChat, "/arm");

        Assert.Equal("Arm how?", menu.VisibleText);
        Assert.Equal(["cmd:arm home", "cmd:arm away", "cmd:arm night"], menu.ButtonData);
        Assert.Empty(rig.Server.DeletedMessages.Snapshot());
    }
}
