using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.Host.HomeAssistant;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>
/// The brain's Home Assistant path end to end, as the host wires it: fake HA on loopback → HomeAssistantRunner →
/// HomeAssistantBackend → HomeRuntime → real [HomeApp] classes, all on one fake clock.
/// </summary>
internal sealed class HaBrainHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;

    public HaBrainHarness(Type[] apps, string token = FakeHomeAssistant.ValidToken)
    {
        Server = new FakeHomeAssistant(Time);
        Options = new HomeAssistantClientOptions { WebSocketUri = Server.WebSocketUri, AccessToken = token };
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton(Probe);
        collection.AddSingleton(Options);
        collection.AddSingleton<HomeAssistantBackend>();
        collection.AddSingleton<IHomeBackend>(sp => sp.GetRequiredService<HomeAssistantBackend>());
        foreach (var app in apps)
        {
            collection.AddSingleton(AppDescriptor.For(app));
        }

        collection.AddHomeAppModel();
        _services = collection.BuildServiceProvider();
        Runtime = _services.GetRequiredService<HomeRuntime>();
        Backend = _services.GetRequiredService<HomeAssistantBackend>();
    }

    public FakeTimeProvider Time { get; } = new();

    public FakeHomeAssistant Server { get; }

    public HomeAssistantClientOptions Options { get; }

    public AwaitableLogProvider Logs { get; } = new();

    public HaTestProbe Probe { get; } = new();

    public HomeRuntime Runtime { get; }

    public HomeAssistantBackend Backend { get; }

    public Task? RunTask { get; private set; }

    /// <summary>Starts the runtime (and with it the backend) on the thread pool.</summary>
    public void Start() => RunTask = Task.Run(() => Runtime.RunAsync(_stop.Token));

    /// <summary>Starts and waits until every app in <paramref name="appIds"/> was built.</summary>
    public async Task StartAndWaitForAppsAsync(params string[] appIds)
    {
        Start();
        foreach (var id in appIds)
        {
            await Probe.Started.WaitForAsync(s => s == id, $"app {id} started");
        }
    }

    /// <summary>The context of a running app, to act as that app.</summary>
    public IHaContext ContextOf(string appId) => Probe.Contexts[appId];

    /// <summary>Log lines from one category (a type's full name) at or above a level.</summary>
    public IReadOnlyList<ProofOfHeat.TestKit.Logging.LogLine> LogsOf<T>(LogLevel atLeast) =>
        [.. Logs.Lines.Items.Where(l => l.Category == typeof(T).FullName && l.Level >= atLeast)];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (RunTask is not null)
        {
            try
            {
                await RunTask.WaitAsync(AwaitableList<int>.Safety);
            }
            catch (HomeAssistantAuthenticationException)
            {
                // The bad-token test asserts this itself.
            }
        }

        await _services.DisposeAsync();
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
