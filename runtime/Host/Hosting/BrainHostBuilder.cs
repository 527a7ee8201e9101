using System.Net;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Host.Api;
using ProofOfHeat.Host.Api.Access;
using ProofOfHeat.Host.Api.Http;
using ProofOfHeat.Host.Api.Validation;
using ProofOfHeat.Host.Composition;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Logging;
using ProofOfHeat.Host.Storage;
using ProofOfHeat.Host.Storage.Audit;

namespace ProofOfHeat.Host.Hosting;

/// <summary>
/// Builds the brain's host for a mode: the system clock, the validated options, the run-time
/// store, logging, the HTTP API (<see cref="HttpApiServer"/> on the generic host), and then the brain itself through
/// <see cref="BrainComposition.Configure"/>. SIGTERM and Ctrl-C stop it gracefully.
/// </summary>
internal static partial class BrainHostBuilder
{
    /// <summary>
    /// Opens the store (so that a locked or corrupt one fails here, before anything runs) and builds
    /// the host. The caller starts it; the host owns the store and disposes it.
    /// </summary>
    public static Task<BrainHost> BuildAsync(BrainHostSettings settings, TimeProvider time, CancellationToken cancellationToken) =>
        BuildAsync(settings, time, configureServices: null, cancellationToken);

    /// <summary>Builds the host, letting <paramref name="configureServices"/> add or replace services last (tests).</summary>
    public static async Task<BrainHost> BuildAsync(
        BrainHostSettings settings, TimeProvider time, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var store = await RuntimeStore.OpenAsync(Path.Combine(settings.DataDirectory, RuntimeStore.FileName), time, cancellationToken);
        try
        {
            return Build(settings, time, store, configureServices);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static BrainHost Build(BrainHostSettings settings, TimeProvider time, RuntimeStore store, Action<IServiceCollection>? configureServices)
    {
        var options = settings.Config.Options;

        // The empty builder loads only what is added below (no appsettings.json watcher, no configuration
        // providers): each assembly loaded costs resident memory (bench/Runtime/results.md).
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);

        var redactor = new SecretRedactor(settings.Config.SecretValues);
        BrainLogging.Configure(builder.Logging, options.Logging, settings.Mode, redactor, time);
        // Who changed what is kept even where the log level hides other information (the demo shows warnings only).
        builder.Logging.AddFilter(ApiAudit.Category, (LogLevel)Math.Min((int)options.Logging.Level, (int)LogLevel.Information));

        var services = builder.Services;
        services.AddSingleton(time);
        services.AddSingleton(new WallClock(time));
        services.AddSingleton(settings);
        services.AddSingleton(settings.Config);
        services.AddSingleton(options);
        services.AddSingleton(redactor);
        services.AddSingleton(_ => store);
        services.AddSingleton<SqliteAppSwitchStore>();
        services.AddSingleton<HostHealth>();
        AddApiAccess(services, settings, time);
        services.AddSingleton<IStatusContributor, HostStatusContributor>();
        AddAuditTrail(services, settings, time);
        var miners = Miners.MinerDrivers.CatalogOrConfigError(settings.Config, Directory.GetCurrentDirectory());
        BrainComposition.Configure(
            services, options, settings.Mode, settings.Apps ?? AppCatalog.Shipped(), settings.Demo, settings.SupervisorBroker, settings.Config.ConfigFile, miners);
        configureServices?.Invoke(services);
        MetricsComposition.Add(services);
        TelemetryStoreComposition.Add(services, settings.DataDirectory);
        // Registered last, so the API answers once everything it reports on has started (as Kestrel did).
        IReadOnlyList<IPAddress?> addresses = [.. ListenAddresses(settings)];
        services.AddSingleton(sp => new HttpApiServer(
            addresses, settings.HttpPort, BrainApi.Handler(sp), time, sp.GetRequiredService<ILogger<HttpApiServer>>()));
        services.AddHostedService(sp => sp.GetRequiredService<HttpApiServer>());
        services.AddHostedService<IdleMemoryTrim>();

        var app = builder.Build();
        WarnWhenIngressCannotReach(app, settings);
        return new BrainHost(app);
    }

    private static void WarnWhenIngressCannotReach(IHost app, BrainHostSettings settings)
    {
        var proxy = settings.Config.IsAddon ? IPAddress.Parse(settings.Config.Options.Http.IngressProxy) : null;
        if (proxy is not null && !IPAddress.IsLoopback(proxy) && ApiListenAddresses.ForAddon(proxy).All(IPAddress.IsLoopback))
        {
            LogNoIngressInterface(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrainApi).FullName!), proxy);
        }
    }

    [LoggerMessage(EventId = 4020, Level = LogLevel.Warning,
        Message = "No network interface faces the ingress proxy {Proxy}: the API listens on loopback only, and Home Assistant's sidebar panel cannot reach it")]
    private static partial void LogNoIngressInterface(ILogger logger, IPAddress proxy);

    /// <summary>
    /// The API's addresses: in add-on mode loopback and the interface facing the ingress proxy only (never
    /// 0.0.0.0); else <c>http.bind</c> (null stands for <c>localhost</c>, both loopbacks).
    /// </summary>
    private static IEnumerable<IPAddress?> ListenAddresses(BrainHostSettings settings)
    {
        var http = settings.Config.Options.Http;
        if (settings.Config.IsAddon)
        {
            return ApiListenAddresses.ForAddon(IPAddress.Parse(http.IngressProxy));
        }

        return string.Equals(http.Bind, "localhost", StringComparison.OrdinalIgnoreCase) ? [null] : [IPAddress.Parse(http.Bind)];
    }

    /// <summary>The durable audit trail in its own file beside the store (added before the app model's logging default, so it wins).</summary>
    private static void AddAuditTrail(IServiceCollection services, BrainHostSettings settings, TimeProvider time)
    {
        var audit = settings.Config.Options.Audit;
        services.AddSingleton(sp => new DurableAuditTrail(
            SqliteAuditStore.Open(Path.Combine(settings.DataDirectory, SqliteAuditStore.FileName)), time,
            TimeSpan.FromDays(audit.RetentionDays), audit.MaxRows, sp.GetRequiredService<ILogger<DurableAuditTrail>>()));
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<DurableAuditTrail>());
    }

    /// <summary>Who may call the API and what it checks: the gate, the audit log, the HA user lookup and the state validators.</summary>
    private static void AddApiAccess(IServiceCollection services, BrainHostSettings settings, TimeProvider time)
    {
        services.AddSingleton(sp => new ApiGate(settings.Config.Options.Http, settings.Config.IsAddon, sp.GetRequiredService<IHomeAssistantUsers>()));
        services.AddSingleton<ApiAudit>();
        services.AddSingleton<IHomeAssistantUsers>(sp => sp.GetService<HomeAssistant.HomeAssistantBackend>() is { } ha
            ? new HomeAssistantUserList(ha.SendCommandAsync, time)
            : new HomeAssistantUserList((_, _) => throw new InvalidOperationException("There is no Home Assistant to ask."), time));
        services.AddSingleton<IStateValidator, HeatingStateValidator>();
        services.AddSingleton<StoredStateProblems>();
        services.AddSingleton<IStatusContributor>(sp => sp.GetRequiredService<StoredStateProblems>());
    }
}
