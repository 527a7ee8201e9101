using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Host.Composition;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Demo;
using ProofOfHeat.Host.HomeAssistant;
using ProofOfHeat.Host.Hosting;

namespace ProofOfHeat.Host.Tests.Composition;

public sealed class BrainCompositionTests
{
    [Fact]
    public void Configure_Run_UsesHomeAssistantAtTheWebSocketAddress()
    {
        var services = Compose(RunMode.Run, new BrainOptions
        {
            HomeAssistant = new HomeAssistantOptions { Url = new Uri("http://ha.local:8123"), Token = "t" },
        });

        var client = services.OfType<ProofOfHeat.HomeAssistant.HomeAssistantClientOptions>().Single();
        Assert.Equal(new Uri("ws://ha.local:8123/api/websocket"), client.WebSocketUri);
        Assert.Contains(services.Descriptors, d => d.ServiceType == typeof(IHomeBackend));
        Assert.Contains(services.Descriptors, d => d.ServiceType == typeof(HomeAssistantBackend));
    }

    [Fact]
    public void Configure_RunWithoutAppsSection_AddsNoApps()
    {
        // The apps' defaults name the demo's entities; against a real home they run only when configured.
        var services = Compose(RunMode.Run, new BrainOptions
        {
            HomeAssistant = new HomeAssistantOptions { Url = new Uri("ws://ha.local:8123/api/websocket"), Token = "t" },
        });

        Assert.Empty(services.OfType<AppDescriptor>());
    }

    [Fact]
    public void Configure_RunWithHeatingSection_AddsTheHeatingApp()
    {
        var services = Compose(RunMode.Run, new BrainOptions
        {
            HomeAssistant = new HomeAssistantOptions { Url = new Uri("ws://ha.local:8123/api/websocket"), Token = "t" },
            Apps = new Dictionary<string, AppSection>(StringComparer.Ordinal) { ["heating"] = new() },
        });

        Assert.Equal("heating", Assert.Single(services.OfType<AppDescriptor>()).Id);
    }

    [Fact]
    public async Task Configure_RunWithZigbee2MqttDevices_WrapsHomeAssistantInTheDeviceBackend()
    {
        var services = Compose(RunMode.Run, WithDevices(new Zigbee2MqttDeviceSection { Name = "leak_kitchen", Property = "water_leak", Domain = "binary_sensor" }));

        var backend = services.Descriptors.Last(d => d.ServiceType == typeof(IHomeBackend));
        await using var provider = BuildWithLogging(services.Descriptors);
        // Telemetry records the home's states from around the outermost backend (runtime/Host/Telemetry).
        var recording = Assert.IsType<ProofOfHeat.Host.Telemetry.RecordingHomeBackend>(provider.GetRequiredService<IHomeBackend>());
        Assert.IsType<ProofOfHeat.MqttEntities.Zigbee2Mqtt.MqttDevicesHomeBackend>(recording.Inner);
        Assert.NotNull(backend.ImplementationFactory);
    }

    [Fact]
    public void Configure_Zigbee2MqttDeviceWithWildcard_IsAConfigErrorNamingTheKey()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Compose(RunMode.Run, WithDevices(new Zigbee2MqttDeviceSection { Name = "leak/#", Property = "water_leak" })));

        var single = Assert.Single(error.Errors);
        Assert.Equal("mqtt.zigbee2mqtt.devices", single.KeyPath);
        Assert.Contains("wildcards", single.Problem, StringComparison.Ordinal);
    }

    private static BrainOptions WithDevices(params Zigbee2MqttDeviceSection[] devices)
    {
        var section = new Zigbee2MqttSection();
        section.Devices.AddRange(devices);
        return new BrainOptions
        {
            HomeAssistant = new HomeAssistantOptions { Url = new Uri("ws://ha.local:8123/api/websocket"), Token = "t" },
            Mqtt = new MqttOptions { Url = new Uri("mqtt://broker.lan:1883"), Zigbee2Mqtt = section },
        };
    }

    private static ServiceProvider BuildWithLogging(IServiceCollection descriptors)
    {
        descriptors.AddLogging();
        descriptors.AddSingleton(TimeProvider.System);
        descriptors.AddSingleton(new ProofOfHeat.Host.Hosting.WallClock(TimeProvider.System));
        return descriptors.BuildServiceProvider();
    }

    [Fact]
    public void Configure_Demo_UsesTheSimulatedHomeAndEveryApp()
    {
        var services = Compose(RunMode.Demo, new BrainOptions());

        Assert.Contains(services.Descriptors, d => d.ServiceType == typeof(SimHomeBackend));
        Assert.DoesNotContain(services.Descriptors, d => d.ServiceType == typeof(HomeAssistantBackend));
        Assert.Equal(["alarm", "heating", "miners", "safety"], services.OfType<AppDescriptor>().Select(d => d.Id).Order());
    }

    [Fact]
    public void Shipped_FindsTheAppsBesideTheHostWithTheOptionsOfTheirAppConfigParameter()
    {
        var catalog = AppCatalog.Shipped();

        Assert.True(catalog.TryGet("heating", out var heating));
        Assert.Equal(typeof(ProofOfHeat.Apps.Heating.HeatingOptions), heating);
        Assert.True(catalog.TryGet("miners", out var miners));
        Assert.Equal(typeof(ProofOfHeat.Apps.Miners.Options.MinerFleetOptions), miners);
        Assert.Contains(catalog.Modules, m => m is ProofOfHeat.Apps.Heating.HeatingModule);
        Assert.Contains(catalog.Modules, m => m is ProofOfHeat.Apps.Miners.MinerFleetModule);
    }

    [Fact]
    public void Configure_RunWithMinersSection_RegistersTheFleetThroughItsModule()
    {
        var services = Compose(RunMode.Run, new BrainOptions
        {
            HomeAssistant = new HomeAssistantOptions { Url = new Uri("ws://ha.local:8123/api/websocket"), Token = "t" },
            Apps = new Dictionary<string, AppSection>(StringComparer.Ordinal) { ["miners"] = new() },
        });

        Assert.Equal("miners", Assert.Single(services.OfType<AppDescriptor>()).Id);
        Assert.Contains(services.Descriptors, d => d.ServiceType == typeof(ProofOfHeat.Apps.Miners.Fleet.IMinerFleet));
        Assert.Contains(services.Descriptors, d => d.ServiceType == typeof(ProofOfHeat.Apps.Heating.Sources.IHeatSourceCommanderFactory));
    }

    [Fact]
    public void BuiltInDrivers_LoadNoDriverAssemblyUntilTheirFamilyIsUsed()
    {
        var drivers = ProofOfHeat.Host.Miners.MinerDrivers.BuiltIn().Cast<ProofOfHeat.Host.Miners.BuiltInMinerDriver>().ToList();

        Assert.Equal(7, drivers.Count);
        Assert.All(drivers, d => Assert.False(d.IsLoaded, d.Family));
        var avalon = drivers.Single(d => d.Family == ProofOfHeat.Drivers.Miners.MinerFamilies.Avalon);
        Assert.Equal("Canaan Avalon (cgminer RPC, work levels)", avalon.DisplayName);
        Assert.True(avalon.IsLoaded);
        Assert.All(drivers.Where(d => d.Family != avalon.Family), d => Assert.False(d.IsLoaded, d.Family));
    }

    private static ComposedServices Compose(RunMode mode, BrainOptions options)
    {
        var services = new ServiceCollection();
        BrainComposition.Configure(
            services, options, mode, AppCatalog.Shipped(), mode == RunMode.Demo ? new DemoOptions(60, null, null) { Home = new DemoHome() } : null);
        return new ComposedServices(services);
    }

    private sealed class ComposedServices(IServiceCollection descriptors)
    {
        public IServiceCollection Descriptors => descriptors;

        public IEnumerable<T> OfType<T>() =>
            descriptors.Where(d => d.ServiceType == typeof(T) && d.ImplementationInstance is T).Select(d => (T)d.ImplementationInstance!);
    }
}
