using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Chat;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Telegram;
using ProofOfHeat.Notify.Tests.Support;
using ProofOfHeat.Notify.Texts;
using ProofOfHeat.TestKit.Telegram;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Notify.Tests.Telegram;

/// <summary>The real Telegram.Bot client and our bot against the strict fake Bot API, alerts on fake time.</summary>
internal sealed class TelegramHarness : IAsyncDisposable
{
    public const long AdminChat = 1001;
    public const long OperatorChat = 1002;
    public const long GuestChat = 1003;

    /// <summary>A group whose members are admins of the home, where the bot is not a group administrator.</summary>
    public const long AdminGroup = -100200;

    private readonly CancellationTokenSource _stop = new();

    private TelegramHarness(TimeSpan perChatInterval)
    {
        Telegram = new TelegramOptions
        {
            Token = FakeTelegramBotApi.DefaultToken,
            ServerUrl = Server.BaseUrl,
            Chats = [new(AdminChat, ChatRole.Admin), new(OperatorChat, ChatRole.Operator), new(GuestChat, ChatRole.Guest), new(AdminGroup, ChatRole.Admin)],
            PollTimeout = TimeSpan.FromSeconds(5),
            PerChatInterval = perChatInterval,
        };
        Options = new NotifyOptions
        {
            People = [new NotifyPerson { Name = "anna", TelegramChat = AdminChat }],
            Telegram = Telegram,
            AlarmPanelEntity = "alarm_control_panel.home",
        };
        foreach (var chat in Telegram.Chats)
        {
            Server.AddChat(chat.Id);
        }

        Alerts = new AlertService(Options, new InMemoryAlertStore(), Audit, Time, NullLogger<AlertService>.Instance);
        var texts = new AlertTextRenderer(Options);
        var bot = TelegramClientFactory.Create(Telegram);
        Sender = new TelegramSender(bot, Telegram, Time, NullLogger<TelegramSender>.Instance);
        IChatCommand[] commands =
        [
            new StatusChatCommand(Alerts, Options),
            new AlertsChatCommand(Alerts, texts),
            new AckChatCommand(Alerts),
            new AlarmPanelChatCommand(true, Ha, Options, Audit, Time),
            new AlarmPanelChatCommand(false, Ha, Options, Audit, Time),
        ];
        var router = new TelegramUpdateRouter(bot, Sender, new ChatAccess(Telegram), Alerts, commands, Options, Audit, Time, NullLogger<TelegramUpdateRouter>.Instance);
        Bot = new TelegramBotService(bot, router, Telegram, Time, NullLogger<TelegramBotService>.Instance);
        var channel = new TelegramAlertChannel(Sender, texts, Options, SentAlerts, Time, NullLogger<TelegramAlertChannel>.Instance);
        Dispatcher = new AlertDispatcher(Alerts, [channel], NullLogger<AlertDispatcher>.Instance);
    }

    public FakeTelegramBotApi Server { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public RecordingAuditTrail Audit { get; } = new();

    public RecordingHaOutlet Ha { get; } = new();

    public TelegramOptions Telegram { get; }

    public NotifyOptions Options { get; }

    public AlertService Alerts { get; }

    public TelegramSender Sender { get; }

    public TelegramAlertMessages SentAlerts { get; } = new();

    public TelegramBotService Bot { get; }

    public AlertDispatcher Dispatcher { get; }

    public static async Task<TelegramHarness> StartAsync(TimeSpan? perChatInterval = null)
    {
        var harness = new TelegramHarness(perChatInterval ?? TimeSpan.Zero);
        await harness.Dispatcher.StartAsync(CancellationToken.None);
        await harness.Bot.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>The next message the bot sends to <paramref name="chat"/> whose visible text contains <paramref name="text"/>.</summary>
    public Task<FakeTelegramMessage> ReplyAsync(long chat, string text) =>
        Server.SentMessages.WaitAsync(m => m.ChatId == chat && m.VisibleText.Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Bot.StopAsync(CancellationToken.None);
        await Dispatcher.StopAsync(CancellationToken.None);
        Alerts.Dispose();
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
