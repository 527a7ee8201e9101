using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Apps.Miners;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Safety.Loads;

namespace ProofOfHeat.Apps.Safety;

/// <summary>
/// What the host registers for this assembly (found by discovery, like the app): the fleet as the miners the safety
/// rules sleep and shed, when the fleet app runs.
/// </summary>
public sealed class SafetyModule : IHomeAppModule
{
    /// <inheritdoc />
    public void AddServices(IServiceCollection services, HomeAppModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Runs(MinerFleetApp.AppId))
        {
            services.TryAddSingleton<ISafetyMiners>(sp => new FleetSafetyMiners(sp.GetRequiredService<IMinerFleet>()));
        }
    }
}
