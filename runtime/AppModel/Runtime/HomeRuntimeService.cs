using Microsoft.Extensions.Hosting;

namespace ProofOfHeat.AppModel.Runtime;

/// <summary>Hosts the <see cref="HomeRuntime"/> for the lifetime of the host.</summary>
internal sealed class HomeRuntimeService(HomeRuntime runtime) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runtime.RunAsync(stoppingToken);
}
