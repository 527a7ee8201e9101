using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Panel;
using ProofOfHeat.MqttEntities;

namespace ProofOfHeat.Apps.Alarm;

/// <summary>
/// What the host registers for this assembly: the alarm panel's MQTT entity, declared at composition so the entity
/// manager announces it at its first connection (and does not remove it as a leftover).
/// </summary>
public sealed class AlarmModule : IHomeAppModule
{
    /// <inheritdoc />
    public void AddServices(IServiceCollection services, HomeAppModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OptionsOf<AlarmOptions>(AlarmApp.AppId) is { Modes.Count: > 0 } options)
        {
            services.AddMqttEntityDeclarations(entities => AlarmPanelEntity.Declare(entities, options));
        }
    }
}
