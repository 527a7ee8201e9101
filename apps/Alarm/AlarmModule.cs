using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Apps.Alarm.Chat;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Panel;
using ProofOfHeat.MqttEntities;

namespace ProofOfHeat.Apps.Alarm;

/// <summary>
/// What the host registers for this assembly: the alarm panel's MQTT entity, declared at composition so the entity
/// manager announces it at its first connection (and does not remove it as a leftover), and the chat's <c>/arm</c> and
/// <c>/disarm</c> on this alarm. The host adds modules after the notify services, and the bot keeps the last command
/// registered under a name, so these replace the generic HA-panel commands of the notify runtime.
/// </summary>
public sealed class AlarmModule : IHomeAppModule
{
    /// <inheritdoc />
    public void AddServices(IServiceCollection services, HomeAppModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddSingleton<AlarmRemote>();
        if (context.OptionsOf<AlarmOptions>(AlarmApp.AppId) is { Modes.Count: > 0 } options)
        {
            services.AddMqttEntityDeclarations(entities => AlarmPanelEntity.Declare(entities, options));
            services.AddSingleton(sp => new ChatCodeLimiter(options.ChatWrongCodeLimit, options.Lockout, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IChatCommand>(sp => Command(sp, options, arm: true));
            services.AddSingleton<IChatCommand>(sp => Command(sp, options, arm: false));
        }
    }

    private static AlarmChatCommand Command(IServiceProvider services, AlarmOptions options, bool arm) => new(
        arm,
        services.GetRequiredService<AlarmRemote>(),
        services.GetRequiredService<ChatCodeLimiter>(),
        options,
        services.GetRequiredService<IAuditTrail>(),
        services.GetRequiredService<TimeProvider>());
}
