using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.HomeAssistant.Tests.Support;

/// <summary>A fake HA, a runner against it on real loopback sockets, and one fake clock shared by both.</summary>
public sealed class RunnerHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public FakeTimeProvider Time { get; }

    public FakeHomeAssistant Server { get; }

    public HomeAssistantClientOptions Options { get; }

    public RecordingHandler Handler { get; } = new();

    public ListLogger<HomeAssistantRunner> Logger { get; } = new();

    public HomeAssistantRunner Runner { get; }

    public Task? RunTask { get; private set; }

    public static RunnerHarness Create(
        string token = FakeHomeAssistant.ValidToken,
        Func<HomeAssistantClientOptions, HomeAssistantClientOptions>? configure = null,
        Action<FakeHomeAssistant>? configureServer = null,
        Func<IWebSocketTransport>? transportFactory = null)
    {
        var time = new FakeTimeProvider();
        var server = new FakeHomeAssistant(time);
        configureServer?.Invoke(server);
        var options = new HomeAssistantClientOptions { WebSocketUri = server.WebSocketUri, AccessToken = token };
        options = configure?.Invoke(options) ?? options;
        return new RunnerHarness(server, options, time, transportFactory);
    }

    private RunnerHarness(
        FakeHomeAssistant server,
        HomeAssistantClientOptions options,
        FakeTimeProvider time,
        Func<IWebSocketTransport>? transportFactory)
    {
        Time = time;
        Server = server;
        Options = options;
        Runner = new HomeAssistantRunner(options, Handler, Time, Logger, transportFactory);
    }

    /// <summary>Starts the runner on the thread pool (no test synchronisation context is captured).</summary>
    public Task StartAsync()
    {
        RunTask = Task.Run(() => Runner.RunAsync(_stop.Token));
        return Task.CompletedTask;
    }

    /// <summary>Starts the runner and waits for the first OnConnected.</summary>
    public async Task<(HaConfig Config, IReadOnlyList<HaState> States)> StartAndWaitConnectedAsync()
    {
        await StartAsync();
        return await Handler.Connected.WaitForCountAsync(1);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (RunTask is not null)
        {
            try
            {
                await RunTask.WaitAsync(TestTimeouts.Safety);
            }
            catch (HomeAssistantException)
            {
                // Tests that expect a failure assert on RunTask themselves.
            }
        }

        await Runner.DisposeAsync();
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
