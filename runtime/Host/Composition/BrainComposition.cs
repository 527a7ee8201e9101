using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Miners;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Host.Api;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Demo;
using ProofOfHeat.Host.HomeAssistant;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Host.Storage;
using ProofOfHeat.MqttEntities;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Registers the brain itself for a mode of running: the home backend (Home Assistant, or the
/// simulated home in the demo), the app runtime, the apps with their configured options and
/// switches, and the runtime's part of the API (<c>/api/apps</c>, the status document).
/// </summary>
internal static class BrainComposition
{
    /// <summary>Every app the brain ships, by id, with its options type (null for none).</summary>
    private static readonly (string Id, Type App, Type? Options)[] KnownApps =
    [
        ("heating", typeof(HeatingApp), typeof(HeatingOptions)),
        (MinerFleetApp.AppId, typeof(MinerFleetApp), typeof(MinerFleetOptions)),
    ];

    /// <summary>
    /// Names the apps whose sections may appear under <c>apps:</c> in the configuration, with their
    /// options types. Called before the configuration is loaded and validated.
    /// </summary>
    public static void DescribeApps(AppOptionsSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var (id, _, options) in KnownApps)
        {
            schema.Register(id, options);
        }
    }

    /// <summary>Adds the brain's services for <paramref name="mode"/>.</summary>
    /// <param name="services">The host's services; the store, TimeProvider, options and API are already there.</param>
    /// <param name="options">The validated configuration.</param>
    /// <param name="mode">How the brain runs.</param>
    /// <param name="demo">The demo's settings in <see cref="RunMode.Demo"/>, else null.</param>
    /// <param name="broker">The broker the Supervisor named in add-on mode (when the config names none), else null.</param>
    /// <param name="configFile">The config file, for errors found while composing; null when there is none.</param>
    /// <param name="miners">The miner drivers (built-ins and plugins); null for the built-ins only.</param>
    public static void Configure(
        IServiceCollection services,
        BrainOptions options,
        RunMode mode,
        DemoOptions? demo,
        MqttBroker? broker = null,
        string? configFile = null,
        MinerDriverCatalog? miners = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        var apps = options.Apps;
        services.AddSingleton(miners ?? new MinerDriverCatalog(Miners.MinerDrivers.BuiltIn()));
        services.AddMinerFleet();
        services.AddSingleton<IHeatSourceCommanderFactory, FleetHeatSourceCommanderFactory>();
        services.AddSingleton<IHeatingProfileStore, SqliteHeatingProfileStore>();
        services.AddSingleton<IHeatingHistoryStore, SqliteHeatingHistoryStore>();
        services.AddSingleton<HeatingDecisionJournal>();
        services.AddSingleton<IHeatingDecisionJournal>(sp => sp.GetRequiredService<HeatingDecisionJournal>());

        if (mode == RunMode.Demo)
        {
            demo ??= new DemoOptions(1, null, null);
            apps = DemoServices.Add(services, demo, apps);
        }
        else
        {
            AddHomeAssistant(services, options);
        }

        services.AddSingleton<IAppOptionsProvider>(new ConfiguredAppOptionsProvider(apps));
        // The SQLite switches win over `enabled:` in the config: what the user switched at run time stays.
        services.AddSingleton<IAppSwitchStore>(sp => new ConfiguredAppSwitchStore(
            apps, sp.GetRequiredService<SqliteAppSwitchStore>()));

        if (Broker(options, mode, demo, broker) is { } mqtt)
        {
            MqttComposition.Add(services, mqtt);
            if (mode == RunMode.Demo)
            {
                services.AddMqttEntityDeclarations(DemoEntities.Declare);
                services.AddSingleton(AppDescriptor.For(typeof(DemoEntitiesApp)));
            }

            if (apps.TryGetValue(MinerFleetApp.AppId, out var fleet) && fleet.Options is MinerFleetOptions { Miners.Count: > 0 } fleetOptions)
            {
                services.AddMinerFleetEntities(fleetOptions);
            }

            if (mode == RunMode.Run && options.Mqtt?.Zigbee2Mqtt is { Devices.Count: > 0 } zigbee)
            {
                Zigbee2MqttComposition.Add(services, zigbee, configFile);
            }
        }

        services.AddHeating(apps.TryGetValue("heating", out var heating) ? heating.Options as HeatingOptions : null);
        services.AddHomeAppModel();
        foreach (var (id, app, _) in KnownApps)
        {
            // Against a real home an app runs only when configured: its defaults describe the demo's
            // entities, which a real Home Assistant does not have.
            if (mode == RunMode.Demo || apps.ContainsKey(id))
            {
                services.AddSingleton(AppDescriptor.For(app));
            }
        }

        services.AddSingleton<IAppControl, RuntimeAppControl>();
        services.AddSingleton<IStatusContributor, RuntimeStatusContributor>();
    }

    /// <summary>The broker to use: <c>--mqtt</c> in the demo, else <c>mqtt:</c> in the config, else the Supervisor's.</summary>
    private static MqttBroker? Broker(BrainOptions options, RunMode mode, DemoOptions? demo, MqttBroker? supervisor)
    {
        if (mode == RunMode.Demo)
        {
            return demo?.MqttUrl is { } url ? new MqttBroker(url, null, null, "--mqtt") : null;
        }

        return options.Mqtt is { } configured
            ? new MqttBroker(configured.Url, configured.Username, configured.Password, "config")
            : supervisor;
    }

    private static void AddHomeAssistant(IServiceCollection services, BrainOptions options)
    {
        var ha = options.HomeAssistant
            ?? throw new InvalidOperationException("`run` needs the homeassistant section; the launcher checks it before building the host.");
        var clientOptions = new ProofOfHeat.HomeAssistant.HomeAssistantClientOptions
        {
            WebSocketUri = HomeAssistantEndpoint.ToWebSocketUri(ha.Url),
            AccessToken = ha.Token,
            MaxMessageBytes = ha.MaxMessageMib * 1024 * 1024,
        };
        services.AddSingleton(clientOptions);
        services.AddSingleton<HomeAssistantBackend>();
        services.AddSingleton<IHomeBackend>(sp => sp.GetRequiredService<HomeAssistantBackend>());
    }
}
