using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Miners.HeatSources;
using ProofOfHeat.Apps.Miners.Options;

namespace ProofOfHeat.Apps.Miners;

/// <summary>
/// What the host registers for this assembly (found by discovery, like the app): the fleet, its MQTT devices when
/// miners are configured, and the fleet as a heat source the heating app can command. Needs a registered
/// <c>MinerDriverCatalog</c> (the host's drivers).
/// </summary>
public sealed class MinerFleetModule : IHomeAppModule
{
    /// <inheritdoc />
    public void AddServices(IServiceCollection services, HomeAppModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddMinerFleet();
        services.TryAddSingleton<IHeatSourceCommanderFactory, FleetHeatSourceCommanderFactory>();
        // The fleet answers the bot's /miners (Fleet/MinersChatCommand) through the app model's chat contract.
        services.AddSingleton<ProofOfHeat.AppModel.Chat.IChatCommand, Fleet.MinersChatCommand>();
        if (context.OptionsOf<MinerFleetOptions>(MinerFleetApp.AppId) is { Miners.Count: > 0 } fleet)
        {
            services.AddMinerFleetEntities(fleet);
        }
    }
}
