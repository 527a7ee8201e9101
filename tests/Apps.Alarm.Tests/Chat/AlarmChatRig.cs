using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Apps.Alarm.Chat;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Tests.Support;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Telegram;
using ProofOfHeat.TestKit.Telegram;

namespace ProofOfHeat.Apps.Alarm.Tests.Chat;

/// <summary>
/// The alarm app (on fake time) behind the real Telegram bot: the real Telegram.Bot client, our poller, router and
/// sender against the strict fake Bot API, with the alarm's own <c>/arm</c> and <c>/disarm</c> as the module registers
/// them.
/// </summary>
internal sealed class AlarmChatRig : IAsyncDisposable
{
    public const long AdminChat = 1001;
    public const long OperatorChat = 1002;

    private AlarmChatRig(AlarmRig alarm, AlarmOptions options, AlarmRemote remote)
    {
        Alarm = alarm;
        Remote = remote;
        var telegram = new TelegramOptions
        {
            Token = FakeTelegramBotApi.DefaultToken,
            ServerUrl = Server.BaseUrl,
            Chats = [new(AdminChat, ChatRole.Admin), new(OperatorChat, ChatRole.Operator)],
            PollTimeout = TimeSpan.FromSeconds(5),
            PerChatInterval = TimeSpan.Zero,
        };
        var notify = new NotifyOptions { Telegram = telegram };
        Server.AddChat(AdminChat);
        Server.AddChat(OperatorChat);
        var bot = TelegramClientFactory.Create(telegram);
        var sender = new TelegramSender(bot, telegram, alarm.Time, NullLogger<TelegramSender>.Instance);
        Alerts = new AlertService(notify, new InMemoryAlertStore(), alarm.Audit, alarm.Time, NullLogger<AlertService>.Instance);
        var limiter = new ChatCodeLimiter(options.ChatWrongCodeLimit, options.Lockout, alarm.Time);
        IChatCommand[] commands =
        [
            new AlarmChatCommand(true, Remote, limiter, options, alarm.Audit, alarm.Time),
            new AlarmChatCommand(false, Remote, limiter, options, alarm.Audit, alarm.Time),
        ];
        var router = new TelegramUpdateRouter(bot, sender, new ChatAccess(telegram), Alerts, commands, notify, alarm.Audit, alarm.Time, NullLogger<TelegramUpdateRouter>.Instance);
        Bot = new TelegramBotService(bot, router, telegram, alarm.Time, NullLogger<TelegramBotService>.Instance);
    }

    public AlarmRemote Remote { get; }

    public FakeTelegramBotApi Server { get; } = new();

    public AlarmRig Alarm { get; }

    public AlertService Alerts { get; }

    public TelegramBotService Bot { get; }

    public static async Task<AlarmChatRig> StartAsync(AlarmOptions options)
    {
        var remote = new AlarmRemote();
        var alarm = await AlarmRig.StartAsync(options, remote: remote);
        var rig = new AlarmChatRig(alarm, options, remote);
        await rig.Bot.StartAsync(CancellationToken.None);
        return rig;
    }

    /// <summary>A user sends <paramref name="text"/> and the bot's reply (10 s at most) is returned.</summary>
    public async Task<FakeTelegramMessage> SayAsync(long chat, string text)
    {
        var from = Server.SentMessages.Count;
        Server.SendUserMessage(chat, text);
        return await Server.SentMessages.WaitAsync(m => m.ChatId == chat, from);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.StopAsync(CancellationToken.None).WaitAsync(TestTimeouts.Safety);
        Bot.Dispose();
        Alerts.Dispose();
        await Server.DisposeAsync();
        await Alarm.DisposeAsync();
    }
}
