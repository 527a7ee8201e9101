using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.AppModel.Tests.Support;

/// <summary>A runtime over a scripted backend, with chosen apps, running until disposed.</summary>
internal sealed class RuntimeFixture : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;
    private Task? _run;

    public RuntimeFixture(Type[] apps, IAppSwitchStore? switches = null, int queueCapacity = 1024, IAppOptionsProvider? options = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(Logs.CreateFactory());
        collection.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        collection.AddSingleton(Probe);
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton<IHomeBackend>(Backend);
        if (switches is not null)
        {
            collection.AddSingleton(switches);
        }

        if (options is not null)
        {
            collection.AddSingleton(options);
        }

        foreach (var app in apps)
        {
            collection.AddSingleton(AppDescriptor.For(app));
        }

        collection.AddHomeAppModel(o => o.AppQueueCapacity = queueCapacity);
        _services = collection.BuildServiceProvider();
        Runtime = _services.GetRequiredService<HomeRuntime>();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public Probe Probe { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public ScriptedBackend Backend { get; } = new();

    public HomeRuntime Runtime { get; }

    /// <summary>The runtime's RunAsync task, once started.</summary>
    public Task RunTask => _run ?? throw new InvalidOperationException("Start the runtime first.");

    public async Task<IHomeStateSink> StartAsync()
    {
        _run = Runtime.RunAsync(_stop.Token);
        return await Backend.SinkReady.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task AppStateAsync(string id, AppRunState state)
    {
        try
        {
            await Signal.UntilAsync(() => Runtime.Apps.Single(a => a.Id == id).State == state, $"app {id} {state}");
        }
        catch (TimeoutException ex)
        {
            var log = string.Join("\n", Logs.Lines.Select(l => $"{l.Level} {l.Message} {l.Exception}"));
            throw new TimeoutException($"{ex.Message}; app is {Runtime.Apps.Single(a => a.Id == id)}; log:\n{log}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Probe.Gate.Release(100_000); // never leave a blocked test app behind
        await _stop.CancelAsync();
        if (_run is not null)
        {
            try
            {
                await _run.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException ex)
            {
                var log = string.Join("\n", Logs.Lines.Select(l => $"{l.Level} {l.Message} {l.Exception}"));
                throw new TimeoutException($"runtime did not stop; apps {string.Join(", ", Runtime.Apps)}; log:\n{log}", ex);
            }
        }

        await _services.DisposeAsync();
    }
}
