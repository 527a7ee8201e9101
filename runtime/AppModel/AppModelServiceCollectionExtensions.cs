using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;

namespace ProofOfHeat.AppModel;

/// <summary>Registers the app runtime and apps.</summary>
public static class AppModelServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime as a hosted service. An <see cref="IHomeBackend"/> and a
    /// <see cref="TimeProvider"/> must be registered too; an <see cref="IAppSwitchStore"/> is used when present.
    /// </summary>
    public static IServiceCollection AddHomeAppModel(this IServiceCollection services, Action<HomeRuntimeOptions>? configure = null)
    {
        var options = new HomeRuntimeOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<IAppOptionsProvider, DefaultAppOptionsProvider>();
        services.TryAddSingleton<IAuditTrail, LoggingAuditTrail>();
        services.TryAddSingleton(sp => new HomeRuntime(
            sp,
            sp.GetServices<AppDescriptor>(),
            sp.GetRequiredService<IHomeBackend>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HomeRuntime>>(),
            sp.GetRequiredService<HomeRuntimeOptions>(),
            sp.GetService<IAppSwitchStore>()));
        services.AddSingleton<IHostedService, HomeRuntimeService>();
        return services;
    }

    /// <summary>Adds every class marked <c>[HomeApp]</c> in <paramref name="assembly"/>.</summary>
    public static IServiceCollection AddHomeApps(this IServiceCollection services, Assembly assembly)
    {
        foreach (var descriptor in AppDescriptor.FindIn(assembly))
        {
            services.AddSingleton(descriptor);
        }

        return services;
    }

    /// <summary>Adds one app class marked <c>[HomeApp]</c>.</summary>
    public static IServiceCollection AddHomeApp<TApp>(this IServiceCollection services)
        where TApp : class => services.AddSingleton(AppDescriptor.For(typeof(TApp)));
}
