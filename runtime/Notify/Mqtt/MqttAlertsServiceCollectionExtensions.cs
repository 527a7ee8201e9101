using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Mqtt;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Texts;

namespace ProofOfHeat.Notify.Mqtt;

/// <summary>Registers alerts on MQTT (<see cref="MqttAlertTopics"/>).</summary>
public static class MqttAlertsServiceCollectionExtensions
{
    /// <summary>The base topic when none is known: the entity manager's default.</summary>
    public const string DefaultBaseTopic = "poh";

    /// <summary>
    /// Adds the MQTT alert channel and the acknowledgement listener. They use the <see cref="MqttClient"/> when one is
    /// registered (a broker is configured) and do nothing otherwise; <paramref name="baseTopic"/> gives the brain's
    /// base topic (null for <see cref="DefaultBaseTopic"/>). Call after <c>AddNotify</c>.
    /// </summary>
    public static IServiceCollection AddMqttAlerts(this IServiceCollection services, Func<IServiceProvider, string?>? baseTopic = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => new MqttAlertTopics(baseTopic?.Invoke(sp) ?? DefaultBaseTopic));
        services.AddSingleton(sp => new MqttAlertChannel(
            sp.GetService<MqttClient>(), sp.GetRequiredService<MqttAlertTopics>(), sp.GetRequiredService<AlertTextRenderer>()));
        services.AddSingleton<IAlertChannel>(sp => sp.GetRequiredService<MqttAlertChannel>());
        services.AddSingleton<IHostedService>(sp => new MqttAlertsService(
            sp.GetService<MqttClient>(),
            sp.GetRequiredService<MqttAlertTopics>(),
            sp.GetRequiredService<MqttAlertChannel>(),
            sp.GetRequiredService<AlertService>(),
            sp.GetRequiredService<IAuditTrail>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MqttAlertsService>>()));
        return services;
    }
}
