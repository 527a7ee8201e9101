using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProofOfHeat.AppModel.Apps;

namespace Acme.RxApps;

/// <summary>The plugin's services, registered with DI's <c>TryAddSingleton</c> (an extension the brain need not call).</summary>
public sealed class WindowModule : IHomeAppModule
{
    public void AddServices(IServiceCollection services, HomeAppModuleContext context) =>
        services.TryAddSingleton(new WindowOffset(100));
}

/// <summary>Added to every brightness the app asks for, so a test sees the module's service in the call.</summary>
public sealed record WindowOffset(int Value);
