using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel.Apps;

namespace Acme.HomeApps;

/// <summary>The plugin's own services, registered by the host through discovery.</summary>
public sealed class EchoModule : IHomeAppModule
{
    public void AddServices(IServiceCollection services, HomeAppModuleContext context)
    {
        // Proves the module ran and saw the app's bound options: the offset is only set when the app runs.
        var offset = context.OptionsOf<EchoOptions>("acme_echo") is { TargetEntity.Length: > 0 } ? 1 : -1000;
        services.AddSingleton(new EchoCounter { Offset = offset });
    }
}
