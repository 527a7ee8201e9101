using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Apps.Heating.Sources;

namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// What the host registers for this assembly (found by discovery, like the app): the heating control surface with
/// the zones' MQTT entities, and the decision journal. Durable stores the host registers first are used; otherwise
/// in-memory ones.
/// </summary>
public sealed class HeatingModule : IHomeAppModule
{
    /// <summary>The app's id, its section <c>apps.heating</c> (see <see cref="HeatingApp"/>'s attribute).</summary>
    private const string AppId = "heating";

    /// <inheritdoc />
    public void AddServices(IServiceCollection services, HomeAppModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.TryAddSingleton<HeatingDecisionJournal>();
        services.TryAddSingleton<IHeatingDecisionJournal>(sp => sp.GetRequiredService<HeatingDecisionJournal>());
        services.AddHeating(context.OptionsOf<HeatingOptions>(AppId));
        // Outlives the app: runs sources with safe_state: thermostat while the heating app is off.
        services.TryAddSingleton(SafeThermostatHost.Create);
    }
}
