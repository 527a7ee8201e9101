using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Bench.Apps;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.Host.HomeAssistant;
using ProofOfHeat.TestKit.HomeAssistant;

namespace ProofOfHeat.Bench.Throughput;

/// <summary>
/// The whole path the brain runs: HA client → <see cref="HomeAssistantBackend"/> → <see cref="HomeRuntime"/>
/// (state cache, one bounded queue per app) → three apps, with the default queue length of 1,024.
/// </summary>
internal sealed class PipelineStage : IFedStage
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PipelineProbe _probe = new();
    private ServiceProvider? _services;
    private HomeRuntime? _runtime;
    private Task? _running;

    public string Name => "full pipeline (client → backend → runtime → 3 apps)";

    public ConsumptionGate Gate => _probe.Gate;

    public int ClimateCounter => PipelineProbe.Climate;

    public long Dropped => _runtime?.Apps.Sum(a => a.DroppedEvents) ?? 0;

    public async Task ConnectAsync(Uri webSocketUri, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        // Production logs at Information; without a provider the enabled checks cost what they cost there.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_probe);
        services.AddSingleton(new HomeAssistantClientOptions { WebSocketUri = webSocketUri, AccessToken = FakeHomeAssistant.ValidToken });
        services.AddSingleton<HomeAssistantBackend>();
        services.AddSingleton<IHomeBackend>(sp => sp.GetRequiredService<HomeAssistantBackend>());
        services.AddHomeAppModel();
        services.AddHomeApp<AllChangesApp>();
        services.AddHomeApp<SensorStatsApp>();
        services.AddHomeApp<ClimateWatcherApp>();
        _services = services.BuildServiceProvider();
        _runtime = _services.GetRequiredService<HomeRuntime>();
        _running = _runtime.RunAsync(_stop.Token);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!_runtime.IsConnected || _runtime.Apps.Any(a => a.State != AppRunState.Running))
        {
            if (_running.IsCompleted)
            {
                await _running; // surfaces why the runtime stopped
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _stop.Dispose();
    }
}
