using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Apps.Miners.Entities;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.MqttEntities;

namespace ProofOfHeat.Apps.Miners;

/// <summary>Registers the miner fleet.</summary>
public static class MinerFleetServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MinerFleet"/> (and <see cref="IMinerFleet"/>, the same instance) built from the app's
    /// options (<c>apps.miners</c> through <see cref="IAppOptionsProvider"/>), the registered
    /// <see cref="MinerDriverCatalog"/>, and the registered <see cref="MinerDriverContext"/> (or one on the registered
    /// <see cref="TimeProvider"/> with default timeouts). The app itself is registered like every other app.
    /// </summary>
    public static IServiceCollection AddMinerFleet(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new MinerFleet(
            (MinerFleetOptions)sp.GetRequiredService<IAppOptionsProvider>().GetOptions(MinerFleetApp.AppId, typeof(MinerFleetOptions)),
            sp.GetRequiredService<MinerDriverCatalog>(),
            sp.GetService<MinerDriverContext>()
                ?? new MinerDriverContext(sp.GetRequiredService<TimeProvider>(), new MinerTimeouts(), sp.GetRequiredService<ILoggerFactory>()),
            sp.GetRequiredService<ILogger<MinerFleet>>(),
            sp.GetService<IAuditTrail>()));
        services.TryAddSingleton<IMinerFleet>(sp => sp.GetRequiredService<MinerFleet>());
        return services;
    }

    /// <summary>Declares the fleet's MQTT devices at composition, so the entity manager knows them at its first connection.</summary>
    public static IServiceCollection AddMinerFleetEntities(this IServiceCollection services, MinerFleetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services.AddMqttEntityDeclarations(entities => MqttMinerEntities.Declare(entities, options));
    }
}
