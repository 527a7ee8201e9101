using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Runtime;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.Runtime;

/// <summary>What the host reads from an app class to find it and bind its section, and what a module is told.</summary>
public sealed class AppDiscoveryTests
{
    [Fact]
    public void OptionsTypeOf_IsTheTypeOfTheAppConfigParameter()
    {
        Assert.Equal(typeof(GardenOptions), AppDescriptor.OptionsTypeOf(typeof(GardenApp)));
        Assert.Null(AppDescriptor.OptionsTypeOf(typeof(PlainApp)));
    }

    [Fact]
    public void FindIn_FindsTheMarkedClassesWithTheirIds()
    {
        var apps = AppDescriptor.FindIn(typeof(GardenApp).Assembly).ToList();

        Assert.Contains(apps, a => a.Id == "garden" && a.AppType == typeof(GardenApp));
        Assert.Contains(apps, a => a.Id == "plain" && a.AppType == typeof(PlainApp));
        Assert.DoesNotContain(apps, a => a.AppType == typeof(GardenOptions));
    }

    [Fact]
    public void ModuleContext_TellsWhichAppsRunAndTheirOptions()
    {
        var options = new GardenOptions { Zone = "back" };
        var context = new HomeAppModuleContext(new Dictionary<string, object?>(StringComparer.Ordinal) { ["garden"] = options, ["plain"] = null });
        var module = new GardenModule();
        var services = new ServiceCollection();

        module.AddServices(services, context);

        Assert.True(context.Runs("plain"));
        Assert.False(context.Runs("pool"));
        Assert.Null(context.OptionsOf<GardenOptions>("plain"));
        Assert.Same(options, Assert.Single(services).ImplementationInstance);
    }

    public sealed class GardenOptions
    {
        public string Zone { get; set; } = "front";
    }

    [HomeApp(Id = "garden")]
    public sealed class GardenApp(IHaContext ha, IAppConfig<GardenOptions> config)
    {
        public IHaContext Ha { get; } = ha;

        public GardenOptions Options { get; } = config.Value;
    }

    [HomeApp]
    public sealed class PlainApp(IHaContext ha)
    {
        public IHaContext Ha { get; } = ha;
    }

    public sealed class GardenModule : IHomeAppModule
    {
        public void AddServices(IServiceCollection services, HomeAppModuleContext context)
        {
            if (context.OptionsOf<GardenOptions>("garden") is { } garden)
            {
                services.AddSingleton(garden);
            }
        }
    }
}
