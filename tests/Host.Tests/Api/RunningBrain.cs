using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>The brain's host started in-process on a free loopback port, with a client for its API.</summary>
internal sealed class RunningBrain : IAsyncDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);
    private readonly BrainHost _app;
    private readonly TempDirectory _dir;

    private RunningBrain(BrainHost app, TempDirectory dir, Uri address, FakeTimeProvider time)
    {
        _app = app;
        Time = time;
        _dir = dir;
        Client = new HttpClient { BaseAddress = address, Timeout = Safety };
    }

    public HttpClient Client { get; }

    /// <summary>The clock the host was built with (the API server's timeouts run on it).</summary>
    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Where the API listens.</summary>
    public IReadOnlyCollection<string> Urls => [.. _app.Urls];

    /// <summary>The data directory (holds poh.db).</summary>
    public string DataDirectory => _dir.Combine("data");

    /// <summary>A client whose connections come from <paramref name="source"/> (a loopback address such as 127.0.0.2), as a proxy's would.</summary>
    public HttpClient ClientFrom(System.Net.IPAddress source)
    {
        var handler = new System.Net.Http.SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                try
                {
                    socket.Bind(new System.Net.IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = Client.BaseAddress, Timeout = Safety };
    }

    public static Task<RunningBrain> StartAsync(Action<IServiceCollection>? configureServices = null) =>
        StartAsync(new BrainOptions(), isAddon: false, configureServices);

    /// <summary>Starts the brain with <paramref name="options"/>, as an add-on when <paramref name="isAddon"/>.</summary>
    public static async Task<RunningBrain> StartAsync(BrainOptions options, bool isAddon, Action<IServiceCollection>? configureServices = null)
    {
        var dir = new TempDirectory();
        var config = new LoadedConfig(options, null, null, isAddon, ["super-secret-token"]);
        var settings = new BrainHostSettings(config, RunMode.Demo, new DemoOptions(60, null, null) { Home = new ProofOfHeat.Demo.DemoHome() }, dir.Combine("data"), HttpPort: 0);
        var time = new FakeTimeProvider();
        var app = await BrainHostBuilder.BuildAsync(settings, time, configureServices, CancellationToken.None).WaitAsync(Safety);
        await app.StartAsync().WaitAsync(Safety);
        return new RunningBrain(app, dir, new Uri(app.Urls.Single()), time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().WaitAsync(Safety);
        await _app.DisposeAsync();
        _dir.Dispose();
    }
}
