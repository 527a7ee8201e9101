using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>The brain's host started in-process on a free loopback port, with a client for its API.</summary>
internal sealed class RunningBrain : IAsyncDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);
    private readonly WebApplication _app;
    private readonly TempDirectory _dir;

    private RunningBrain(WebApplication app, TempDirectory dir, Uri address)
    {
        _app = app;
        _dir = dir;
        Client = new HttpClient { BaseAddress = address, Timeout = Safety };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningBrain> StartAsync(Action<IServiceCollection>? configureServices = null)
    {
        var dir = new TempDirectory();
        var config = new LoadedConfig(new BrainOptions(), null, null, false, ["super-secret-token"]);
        var settings = new BrainHostSettings(config, RunMode.Demo, new DemoOptions(60, null, null) { Home = new ProofOfHeat.Demo.DemoHome() }, dir.Combine("data"), HttpPort: 0);
        var app = await BrainHostBuilder.BuildAsync(settings, new FakeTimeProvider(), configureServices, CancellationToken.None).WaitAsync(Safety);
        await app.StartAsync().WaitAsync(Safety);
        return new RunningBrain(app, dir, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().WaitAsync(Safety);
        await _app.DisposeAsync();
        _dir.Dispose();
    }
}
