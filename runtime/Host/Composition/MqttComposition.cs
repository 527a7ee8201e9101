using ProofOfHeat.Host.Api;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Adds the MQTT connection and the brain's entities in Home Assistant (MQTT discovery) when a
/// broker is known. Without one the brain runs all the same; it just has no entities of its own.
/// </summary>
internal static class MqttComposition
{
    /// <summary>
    /// Registers the client for <paramref name="broker"/> and the entity manager; entities are declared
    /// with <c>AddMqttEntityDeclarations</c>, before or after (the manager collects them when it is built).
    /// </summary>
    public static void Add(IServiceCollection services, MqttBroker broker)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(broker);
        services.AddSingleton(broker);

        // The client and the manager run on the wall clock: in the demo, TimeProvider is simulated
        // time, and keep-alives or scan timeouts 60 times shorter would drop a healthy connection.
        static TimeProvider WallTime(IServiceProvider sp) => sp.GetRequiredService<WallClock>().Time;
        services.AddMqttEntities(options => options.OriginVersion = HostStatusContributor.Version, clock: WallTime);
        // The library sets the last will (`offline` on the availability topic) because entities are registered.
        services.AddMqttConnection(_ => ClientOptions(broker), WallTime);
        services.AddSingleton<IStatusContributor, MqttStatusContributor>();
    }

    private static MqttClientOptions ClientOptions(MqttBroker broker)
    {
        var options = MqttClientOptions.FromUrl(broker.Url);
        // Stable across restarts: a broker that sees the same id replaces the old session at once.
        options.ClientId = "proof-of-heat";
        if (broker.Username is not null)
        {
            options.UserName = broker.Username;
            options.Password = broker.Password;
        }

        return options;
    }
}
