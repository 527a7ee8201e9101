using Microsoft.Extensions.DependencyInjection;

namespace ProofOfHeat.AppModel.Apps;

/// <summary>
/// An app assembly's registration of the services its apps share with the rest of the brain (a miner fleet, a
/// heating control surface, entity declarations for MQTT discovery). The host finds every public, concrete class
/// implementing it with a public parameterless constructor in each app assembly it loads (shipped or from the
/// plugins folder) and calls it once before the container is built, so the host names no app.
/// </summary>
public interface IHomeAppModule
{
    /// <summary>Adds the module's services. <paramref name="context"/> tells which apps run and with what options.</summary>
    void AddServices(IServiceCollection services, HomeAppModuleContext context);
}
