using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Chat;
using ProofOfHeat.Notify.HomeAssistant;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Telegram;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify;

/// <summary>Registers the alert service and its channels.</summary>
public static class NotifyServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IAlerts"/> with HA's records (event, persistent notification), the mobile app, other notify
    /// services and, when configured, the Telegram bot. An <see cref="IHaOutlet"/> and a <see cref="TimeProvider"/> must
    /// be registered; an <see cref="IAlertStore"/> and an <see cref="IAuditTrail"/> are used when present.
    /// </summary>
    public static IServiceCollection AddNotify(this IServiceCollection services, NotifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.TryAddSingleton<IAlertStore, InMemoryAlertStore>();
        services.TryAddSingleton<IAuditTrail, LoggingAuditTrail>();
        services.AddSingleton<AlertTextRenderer>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<IAlerts>(sp => sp.GetRequiredService<AlertService>());
        services.AddSingleton<MobileAppActionHandler>();
        services.AddSingleton<MobileAppActionPump>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<MobileAppActionPump>());
        services.AddSingleton<IAlertChannel, HaRecordsChannel>();
        services.AddSingleton<IAlertChannel, MobileAppChannel>();
        services.AddSingleton<IAlertChannel, NotifyServiceChannel>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<AlertDispatcher>());

        services.AddSingleton<IChatCommand, StatusChatCommand>();
        services.AddSingleton<IChatCommand, AlertsChatCommand>();
        services.AddSingleton<IChatCommand, AckChatCommand>();
        services.AddSingleton<IChatCommand>(sp => ActivatorUtilities.CreateInstance<AlarmPanelChatCommand>(sp, true));
        services.AddSingleton<IChatCommand>(sp => ActivatorUtilities.CreateInstance<AlarmPanelChatCommand>(sp, false));
        if (options.Telegram is { } telegram)
        {
            AddTelegram(services, telegram);
        }

        return services;
    }

    // A method of its own, never inlined: compiling AddNotify must not resolve Telegram.Bot's types, so a brain
    // without a bot never loads that assembly (about 4 MB, 1.6 MB of it resident: bench/Runtime/results.md).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddTelegram(IServiceCollection services, TelegramOptions telegram)
    {
        services.AddSingleton(telegram);
        services.AddSingleton(_ => TelegramClientFactory.Create(telegram));
        services.AddSingleton<ChatAccess>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<TelegramAlertMessages>();
        services.AddSingleton<TelegramUpdateRouter>();
        services.AddSingleton<TelegramBotService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TelegramBotService>());
        services.AddSingleton<IAlertChannel, TelegramAlertChannel>();
    }
}
