using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Scheduling;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.TestKit.AppModel;

/// <summary>
/// One app under test on fake time: a <see cref="FakeHaContext"/>, the runtime's real scheduler
/// (<see cref="FakeAppScheduler"/>) and a log capture, and the app built as the runtime builds it — by
/// <c>ActivatorUtilities</c>, with the context, the scheduler and <see cref="IAppConfig{T}"/> handed to the
/// constructor that asks for them and everything else from DI. Disposing stops the app as the runtime does:
/// its timers first, then the app.
/// </summary>
public sealed class AppHarness : IAsyncDisposable
{
    private readonly List<object> _apps = [];

    /// <summary>A harness on <paramref name="time"/>, or on a new fake clock.</summary>
    public AppHarness(FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider();
        Ha = new FakeHaContext(Time);
        Scheduler = new FakeAppScheduler(Time);
        LoggerFactory = Logs.CreateFactory();
    }

    /// <summary>The clock; tests advance it.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The home the app sees.</summary>
    public FakeHaContext Ha { get; }

    /// <summary>The app's timers: the runtime's scheduler on <see cref="Time"/>.</summary>
    public FakeAppScheduler Scheduler { get; }

    /// <summary>What the app and anything built from <see cref="LoggerFactory"/> logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>A logger factory that writes to <see cref="Logs"/>.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>A service provider with the clock and the log capture, plus what <paramref name="add"/> registers.</summary>
    public ServiceProvider Services(Action<IServiceCollection>? add = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(LoggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        add?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Builds <typeparamref name="TApp"/> as the runtime does and runs its <see cref="IAsyncInitializable.InitializeAsync"/>.
    /// <paramref name="options"/> is handed over as the app's <see cref="IAppConfig{T}"/> when its constructor asks for one.
    /// </summary>
    public async Task<TApp> StartAsync<TApp>(IServiceProvider services, object? options = null, CancellationToken cancellationToken = default)
        where TApp : class
    {
        var app = Create<TApp>(services, options);
        if (app is IAsyncInitializable initializable)
        {
            await initializable.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        return app;
    }

    /// <summary>Builds <typeparamref name="TApp"/> as the runtime does, without initialising it.</summary>
    public TApp Create<TApp>(IServiceProvider services, object? options = null)
        where TApp : class
    {
        // ActivatorUtilities refuses arguments the constructor does not take, so only those are passed (as the runtime does).
        var app = ActivatorUtilities.CreateInstance<TApp>(services, ConstructorArguments(typeof(TApp), options));
        _apps.Add(app);
        return app;
    }

    /// <summary>Stops the timers, then the apps (as the runtime stops an app), then the context.</summary>
    public async ValueTask DisposeAsync()
    {
        await Scheduler.DisposeAsync().ConfigureAwait(false);
        foreach (var app in Enumerable.Reverse(_apps))
        {
            switch (app)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        Ha.Dispose();
        LoggerFactory.Dispose();
        Logs.Dispose();
    }

    private object[] ConstructorArguments(Type appType, object? options)
    {
        var constructor = appType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var arguments = new List<object>();
        foreach (var type in constructor?.GetParameters().Select(p => p.ParameterType) ?? [])
        {
            if (type == typeof(IHaContext))
            {
                arguments.Add(Ha);
            }
            else if (type == typeof(IAppScheduler))
            {
                arguments.Add(Scheduler);
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAppConfig<>))
            {
                var optionsType = type.GetGenericArguments()[0];
                var value = options ?? throw new ArgumentException($"{appType.Name} asks for IAppConfig<{optionsType.Name}>; pass its options.", nameof(options));
                arguments.Add(Activator.CreateInstance(typeof(AppConfig<>).MakeGenericType(optionsType), value)!);
            }
        }

        return [.. arguments];
    }
}
