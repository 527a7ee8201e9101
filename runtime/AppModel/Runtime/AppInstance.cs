using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Scheduling;

namespace ProofOfHeat.AppModel.Runtime;

/// <summary>
/// One running app: its DI scope, its queued context, its scheduler and the object itself.
/// Built fresh on every start (NetDaemon's rule: apps must tolerate restarts), disposed on stop.
/// </summary>
internal sealed partial class AppInstance : IAsyncDisposable
{
    private static readonly TimeSpan SlowInitialisation = TimeSpan.FromSeconds(5);

    private readonly AsyncServiceScope _scope;
    private readonly AppScheduler _scheduler;
    private readonly ILogger _logger;
    private readonly IServiceProvider _root;
    private readonly TimeProvider _timeProvider;
    private object? _app;

    private AppInstance(
        AppDescriptor descriptor, AsyncServiceScope scope, AppHaContext context, AppScheduler scheduler, ILogger logger, IServiceProvider root, TimeProvider timeProvider)
    {
        Descriptor = descriptor;
        _scope = scope;
        Context = context;
        _scheduler = scheduler;
        _logger = logger;
        _root = root;
        _timeProvider = timeProvider;
    }

    public AppDescriptor Descriptor { get; }

    public AppHaContext Context { get; }

    /// <summary>
    /// Creates the app's scope, queued context and scheduler, but not the app: the runtime starts
    /// queueing events for it first, then calls <see cref="StartAsync(CancellationToken)"/>.
    /// </summary>
    public static AppInstance Create(
        AppDescriptor descriptor, IServiceProvider root, StateCache cache, IHomeBackend backend, TimeProvider timeProvider, int queueCapacity)
    {
        var loggerFactory = root.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger(descriptor.AppType);
        var scope = root.CreateAsyncScope();
        var context = new AppHaContext(
            descriptor.Id, cache, backend, logger, timeProvider, queueCapacity, root.GetService<IAuditTrail>(), neverDrop: descriptor.KeepRunningWhenDisconnected);
        var scheduler = new AppScheduler(descriptor.Id, timeProvider, logger);
        return new AppInstance(descriptor, scope, context, scheduler, logger, root, timeProvider);
    }

    /// <summary>
    /// Builds and initialises the app, then lets the queued events through; throws what its
    /// constructor or initialisation threw (the caller disposes the instance then).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = ActivatorUtilities.CreateInstance(_scope.ServiceProvider, Descriptor.AppType, ExtraArguments(_root));
        if (_app is IAsyncInitializable initializable)
        {
            // Wall time, not the app clock: a slow start holds the host up in real seconds, and the demo's
            // clock runs 60 times faster, which made a 0.3 s start look like 20 s.
            var started = TimeProvider.System.GetTimestamp();
            await initializable.InitializeAsync(cancellationToken).ConfigureAwait(false);
            var took = TimeProvider.System.GetElapsedTime(started);
            if (took > SlowInitialisation)
            {
                LogSlowInitialisation(_logger, Descriptor.Id, took.TotalSeconds);
            }
        }

        Context.Open();
    }

    /// <summary>Stops the app: its input, its timers, then the object and its scope.</summary>
    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync().ConfigureAwait(false);
        await _scheduler.DisposeAsync().ConfigureAwait(false);
        try
        {
            switch (_app)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
#pragma warning disable CA1031 // A failing dispose is logged; the scope is disposed all the same.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDisposeFailed(_logger, ex, Descriptor.Id);
        }

        await _scope.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The per-app objects the constructor asks for beside what DI has (ActivatorUtilities refuses
    /// arguments the constructor does not take, so only those are passed).
    /// </summary>
    private object[] ExtraArguments(IServiceProvider root)
    {
        var extra = new List<object>();
        var constructor = Descriptor.AppType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        foreach (var type in constructor?.GetParameters().Select(p => p.ParameterType) ?? [])
        {
            if (type == typeof(IHaContext))
            {
                extra.Add(Context);
            }
            else if (type == typeof(IAppScheduler))
            {
                extra.Add(_scheduler);
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAppConfig<>))
            {
                var optionsType = type.GetGenericArguments()[0];
                var options = root.GetRequiredService<IAppOptionsProvider>().GetOptions(Descriptor.Id, optionsType);
                var config = Activator.CreateInstance(typeof(AppConfig<>).MakeGenericType(optionsType), options);
                Debug.Assert(config is not null, "AppConfig<T> has a public constructor taking T");
                extra.Add(config);
            }
        }

        return [.. extra];
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "App {AppId}: initialisation took {Seconds:F1} s; apps should not block at start")]
    private static partial void LogSlowInitialisation(ILogger logger, string appId, double seconds);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "App {AppId}: dispose threw")]
    private static partial void LogDisposeFailed(ILogger logger, Exception ex, string appId);
}
