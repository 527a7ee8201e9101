using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Host.Api;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.HomeAssistant;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Host.Storage;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Registers the brain itself for a mode of running: the home backend (Home Assistant, or the
/// simulated home the demo hands in), the app runtime, the apps the catalog found with their
/// configured options, switches and modules, and the runtime's part of the API (<c>/api/apps</c>,
/// the status document). It names no app: apps are found (see <see cref="AppCatalog"/>).
/// </summary>
internal static class BrainComposition
{
    /// <summary>Adds the brain's services for <paramref name="mode"/>.</summary>
    /// <param name="services">The host's services; the store, TimeProvider, options and API are already there.</param>
    /// <param name="options">The validated configuration.</param>
    /// <param name="mode">How the brain runs.</param>
    /// <param name="catalog">The apps found (shipped and plugins).</param>
    /// <param name="demo">The demo's settings and home in <see cref="RunMode.Demo"/>, else null.</param>
    /// <param name="broker">The broker the Supervisor named in add-on mode (when the config names none), else null.</param>
    /// <param name="configFile">The config file, for errors found while composing; null when there is none.</param>
    /// <param name="miners">The miner drivers (the configured families and plugins); null for none.</param>
    public static void Configure(
        IServiceCollection services,
        BrainOptions options,
        RunMode mode,
        AppCatalog catalog,
        DemoOptions? demo,
        MqttBroker? broker = null,
        string? configFile = null,
        MinerDriverCatalog? miners = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);

        var apps = options.Apps;
        services.AddSingleton(miners ?? new MinerDriverCatalog([]));
        // The run-time store keeps what apps need durably; an app module's in-memory fallbacks yield to these.
        SqliteAppStores.Add(services);

        if (mode == RunMode.Demo)
        {
            var home = demo?.Home
                ?? throw new InvalidOperationException("The demo's simulated home comes from the demo executable (sim/Demo), which sets DemoOptions.Home.");
            apps = home.Add(services, demo, apps);
        }
        else
        {
            AddHomeAssistant(services, options);
        }

        NotifyComposition.Add(services, options.Notify, configFile);
        services.AddSingleton<IAppOptionsProvider>(new ConfiguredAppOptionsProvider(apps));
        // The SQLite switches win over `enabled:` in the config: what the user switched at run time stays.
        services.AddSingleton<IAppSwitchStore>(sp => new ConfiguredAppSwitchStore(
            apps, sp.GetRequiredService<SqliteAppSwitchStore>()));

        if (Broker(options, mode, demo, broker) is { } mqtt)
        {
            MqttComposition.Add(services, mqtt);
            if (mode == RunMode.Demo)
            {
                demo!.Home!.AddMqttEntities(services);
            }

            if (mode == RunMode.Run && options.Mqtt?.Zigbee2Mqtt is { Devices.Count: > 0 } zigbee)
            {
                Zigbee2MqttComposition.Add(services, zigbee, configFile);
            }
        }

        // Against a real home an app runs only when configured: it cannot know the home's entities by itself.
        // The demo configures its own apps and runs every app found.
        var running = catalog.Apps
            .Where(app => mode == RunMode.Demo || apps.ContainsKey(app.Id))
            .ToDictionary(app => app.Id, app => apps.GetValueOrDefault(app.Id)?.Options, StringComparer.Ordinal);
        var context = new HomeAppModuleContext(running);
        foreach (var module in catalog.Modules)
        {
            module.AddServices(services, context);
        }

        services.AddHomeAppModel();
        foreach (var app in catalog.Apps.Where(app => running.ContainsKey(app.Id)))
        {
            services.AddSingleton(app);
        }

        services.AddSingleton<IAppControl, RuntimeAppControl>();
        services.AddSingleton<IStatusContributor, RuntimeStatusContributor>();
        services.AddSingleton<IStatusContributor, MinerFleetStatusContributor>();
        TelemetryComposition.Add(services, options.Telemetry);
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
            // The alert service acknowledges from phones: NotifyComposition passes these events on.
            EventTypes = ["state_changed", ProofOfHeat.Notify.HomeAssistant.MobileAppActionHandler.EventType],
        };
        services.AddSingleton(clientOptions);
        services.AddSingleton<HomeAssistantBackend>();
        services.AddSingleton<IHomeBackend>(sp => sp.GetRequiredService<HomeAssistantBackend>());
    }
}
