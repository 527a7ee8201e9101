using ProofOfHeat.Host.Api;
using ProofOfHeat.Mqtt;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.MqttEntities;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Adds the MQTT connection and the brain's entities in Home Assistant (MQTT discovery) when a
/// broker is known. Without one the brain runs all the same; it just has no entities of its own.
/// </summary>
internal static class MqttComposition
{
    /// <summary>Registers the client for <paramref name="broker"/>, the entity manager and <paramref name="declare"/>'s entities.</summary>
    public static void Add(IServiceCollection services, MqttBroker broker, Action<IServiceCollection> declare)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(declare);
        services.AddSingleton(broker);

        // The client and the manager run on the wall clock: in the demo, TimeProvider is simulated
        // time, and keep-alives or scan timeouts 60 times shorter would drop a healthy connection.
        services.AddSingleton(sp => new MqttClient(
            ClientOptions(broker, sp.GetRequiredService<MqttDiscoveryOptions>()),
            sp.GetRequiredService<WallClock>().Time,
            sp.GetRequiredService<ILogger<MqttClient>>()));
        services.AddSingleton(sp =>
        {
            var manager = new MqttEntityManager(
                sp.GetRequiredService<MqttClient>(),
                sp.GetRequiredService<MqttDiscoveryOptions>(),
                sp.GetRequiredService<WallClock>().Time,
                sp.GetRequiredService<ILogger<MqttEntityManager>>());
            foreach (var declaration in sp.GetServices<MqttEntityDeclaration>())
            {
                declaration.Declare(manager);
            }

            return manager;
        });
        services.AddMqttEntities(options => options.OriginVersion = HostStatusContributor.Version);
        declare(services);
        services.AddMqttConnection(sp => sp.GetRequiredService<MqttClient>().Options);
        services.AddSingleton<IStatusContributor, MqttStatusContributor>();
    }

    private static MqttClientOptions ClientOptions(MqttBroker broker, MqttDiscoveryOptions discovery)
    {
        var options = MqttClientOptions.FromUrl(broker.Url);
        // Stable across restarts: a broker that sees the same id replaces the old session at once.
        options.ClientId = "proof-of-heat";
        options.LastWill = MqttEntityManager.LastWill(discovery);
        if (broker.Username is not null)
        {
            options.UserName = broker.Username;
            options.Password = broker.Password;
        }

        return options;
    }
}
