using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Notify;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.HomeAssistant;
using ProofOfHeat.Notify.Mqtt;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Registers the alert service in every mode: HA's records (<c>poh_alert</c>, persistent notifications) always, and
/// the mobile app, other notify services and Telegram as <c>notify:</c> configures them. Open alerts are kept in the
/// run-time store; the home backend is wrapped so HA's notification action events reach the alert service.
/// </summary>
internal static class NotifyComposition
{
    /// <summary>Adds alerts; call after the home backend is registered.</summary>
    public static void Add(IServiceCollection services, NotifySection section, string? configFile)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = NotifyOptionsMapping.ToOptions(section, configFile);
        services.AddSingleton<IAlertStore, RuntimeStoreAlertStore>();
        services.AddSingleton<IHaOutlet, HostHaOutlet>();
        services.AddNotify(options);
        services.AddMqttAlerts(sp => sp.GetService<ProofOfHeat.MqttEntities.Discovery.MqttDiscoveryOptions>()?.BaseTopic);
        services.AddSingleton<IChatCommand, ProfileChatCommand>();
        WrapBackend(services);
    }

    private static void WrapBackend(IServiceCollection services)
    {
        if (services.LastOrDefault(d => d.ServiceType == typeof(IHomeBackend)) is not { } inner)
        {
            return;
        }

        services.Remove(inner);
        services.AddSingleton<IHomeBackend>(sp => new AlertEventsBackend(Resolve(sp, inner), sp.GetRequiredService<MobileAppActionPump>));
    }

    private static IHomeBackend Resolve(IServiceProvider services, ServiceDescriptor descriptor) => (IHomeBackend)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
