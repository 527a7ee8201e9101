using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.MqttEntities;

/// <summary>Lets an app module declare its entities at composition, whether or not the host wires MQTT.</summary>
public static class MqttEntityDeclarationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds a declaration of devices and entities; the entity manager runs every declaration when it is built,
    /// before its first connection. Without MQTT nothing builds a manager and the declaration is never run.
    /// </summary>
    public static IServiceCollection AddMqttEntityDeclarations(this IServiceCollection services, Action<IMqttEntities> declare)
    {
        ArgumentNullException.ThrowIfNull(declare);
        return services.AddSingleton(new MqttEntityDeclaration(declare));
    }
}
