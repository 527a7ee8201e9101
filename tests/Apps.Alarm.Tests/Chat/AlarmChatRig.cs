using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Apps.Alarm.Chat;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Tests.Support;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Telegram;
using ProofOfHeat.TestKit.Logging;
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
        var loggers = Logs.CreateFactory();
        var sender = new TelegramSender(bot, telegram, alarm.Time, loggers.CreateLogger<TelegramSender>());
        Alerts = new AlertService(notify, new InMemoryAlertStore(), alarm.Audit, alarm.Time, loggers.CreateLogger<AlertService>());
        var limiter = new ChatCodeLimiter(options.ChatWrongCodeLimit, options.Lockout, alarm.Time);
        IChatCommand[] commands =
        [
            new AlarmChatCommand(true, Remote, limiter, options, alarm.Audit, alarm.Time),
            new AlarmChatCommand(false, Remote, limiter, options, alarm.Audit, alarm.Time),
        ];
        var router = new TelegramUpdateRouter(bot, sender, new ChatAccess(telegram), Alerts, commands, notify, alarm.Audit, alarm.Time, loggers.CreateLogger<TelegramUpdateRouter>());
        Bot = new TelegramBotService(bot, router, telegram, alarm.Time, loggers.CreateLogger<TelegramBotService>());
    }

    public AlarmRemote Remote { get; }

    public FakeTelegramBotApi Server { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

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
        try
        {
            return await Server.SentMessages.WaitAsync(m => m.ChatId == chat, from);
        }
        catch (TimeoutException ex)
        {
            var seen = string.Join(" | ", Logs.AtLeast(LogLevel.Information).Select(l => $"{l.Message} {l.Exception}"));
            var errors = string.Join(" | ", Server.Errors.Snapshot().Select(e => $"{e.Code} {e.Description}"));
            throw new TimeoutException($"No reply to a message in chat {chat} within 10 s. Bot API errors: {errors}. Log: {seen}", ex);
        }
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
