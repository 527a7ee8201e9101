using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.MqttEntities.Zigbee2Mqtt;

namespace ProofOfHeat.MqttEntities;

/// <summary>Registers the MQTT connection, the brain's HA entities and the Zigbee2MQTT devices.</summary>
public static class MqttEntitiesServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="MqttClient"/> and a hosted service that connects it (and runs the entity
    /// manager when <see cref="AddMqttEntities"/> is used too). When entities are registered, the client's last will
    /// is set to <c>offline</c> on the availability topic unless <paramref name="clientOptions"/> set one.
    /// A <see cref="TimeProvider"/> must be registered, or <paramref name="clock"/> given (keep-alives need real time
    /// even where the registered clock runs faster, as in a simulation).
    /// </summary>
    public static IServiceCollection AddMqttConnection(
        this IServiceCollection services, Func<IServiceProvider, MqttClientOptions> clientOptions, Func<IServiceProvider, TimeProvider>? clock = null)
    {
        ArgumentNullException.ThrowIfNull(clientOptions);
        clock ??= sp => sp.GetRequiredService<TimeProvider>();
        services.TryAddSingleton(sp =>
        {
            var options = clientOptions(sp);
            if (options.LastWill is null && sp.GetService<MqttDiscoveryOptions>() is { } discovery)
            {
                options.LastWill = MqttEntityManager.LastWill(discovery);
            }

            return new MqttClient(options, clock(sp), sp.GetService<ILogger<MqttClient>>());
        });
        services.AddSingleton<IHostedService>(sp => new MqttConnectionService(
            sp.GetRequiredService<MqttClient>(),
            sp.GetRequiredService<ILogger<MqttConnectionService>>(),
            sp.GetService<MqttEntityManager>()));
        return services;
    }

    /// <summary>
    /// Registers the entity manager (<see cref="IMqttEntities"/>) with its options; <paramref name="declare"/> (and
    /// every <see cref="MqttEntityDeclarationsServiceCollectionExtensions.AddMqttEntityDeclarations"/>) runs when it is built, before the first connection.
    /// Needs <see cref="AddMqttConnection"/>.
    /// </summary>
    public static IServiceCollection AddMqttEntities(
        this IServiceCollection services,
        Action<MqttDiscoveryOptions>? configure = null,
        Action<IMqttEntities>? declare = null,
        Func<IServiceProvider, TimeProvider>? clock = null)
    {
        clock ??= sp => sp.GetRequiredService<TimeProvider>();
        var options = new MqttDiscoveryOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp =>
        {
            var manager = new MqttEntityManager(
                sp.GetRequiredService<MqttClient>(),
                sp.GetRequiredService<MqttDiscoveryOptions>(),
                clock(sp),
                sp.GetRequiredService<ILogger<MqttEntityManager>>(),
                sp.GetService<IAuditTrail>());
            foreach (var declaration in sp.GetServices<MqttEntityDeclaration>())
            {
                declaration.Declare(manager);
            }

            return manager;
        });
        services.TryAddSingleton<IMqttEntities>(sp => sp.GetRequiredService<MqttEntityManager>());
        if (declare is not null)
        {
            services.AddMqttEntityDeclarations(declare);
        }

        return services;
    }

    /// <summary>
    /// Registers the Zigbee2MQTT devices and wraps the <see cref="IHomeBackend"/> registered so far in a
    /// <see cref="MqttDevicesHomeBackend"/>, so their entities reach apps like HA's. Call it after the primary
    /// backend is registered; needs <see cref="AddMqttConnection"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No <see cref="IHomeBackend"/> is registered yet.</exception>
    public static IServiceCollection AddZigbee2MqttDevices(this IServiceCollection services, Action<Zigbee2MqttOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new Zigbee2MqttOptions();
        configure(options);
        options.Validate();
        var primary = services.LastOrDefault(d => d.ServiceType == typeof(IHomeBackend) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Register the primary IHomeBackend before AddZigbee2MqttDevices.");
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new Zigbee2MqttDevices(
            sp.GetRequiredService<MqttClient>(),
            sp.GetRequiredService<Zigbee2MqttOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<Zigbee2MqttDevices>>()));
        services.Remove(primary);
        services.AddSingleton<IHomeBackend>(sp => new MqttDevicesHomeBackend(
            CreatePrimary(sp, primary),
            sp.GetRequiredService<Zigbee2MqttDevices>()));
        return services;
    }

    private static IHomeBackend CreatePrimary(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IHomeBackend)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
