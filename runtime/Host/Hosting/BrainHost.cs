using ProofOfHeat.Host.Api.Http;

namespace ProofOfHeat.Host.Hosting;

/// <summary>The built brain: the generic host with the API server among its services, and where that server listens.</summary>
internal sealed class BrainHost(IHost host) : IAsyncDisposable
{
    /// <summary>The host's services.</summary>
    public IServiceProvider Services => host.Services;

    /// <summary>Where the API listens, once started.</summary>
    public IReadOnlyList<string> Urls => host.Services.GetRequiredService<HttpApiServer>().Urls;

    /// <summary>Starts every hosted service, the API server last.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => host.StartAsync(cancellationToken);

    /// <summary>Stops the host gracefully.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => host.StopAsync(cancellationToken);

    /// <summary>Waits for Ctrl-C, SIGTERM or <paramref name="cancellationToken"/>, then stops the host.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => host.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
