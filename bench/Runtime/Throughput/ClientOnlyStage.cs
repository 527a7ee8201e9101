using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.TestKit.HomeAssistant;

namespace ProofOfHeat.Bench.Throughput;

/// <summary>Our WebSocket client (reader, codec, records) with a counting handler: no runtime, no apps.</summary>
internal sealed class ClientOnlyStage : IFedStage
{
    private readonly CancellationTokenSource _stop = new();
    private HomeAssistantRunner? _runner;
    private Task? _running;

    public string Name => "client only (HA client → handler)";

    public ConsumptionGate Gate { get; } = new(1);

    public int ClimateCounter => -1;

    public long Dropped => 0;

    public async Task ConnectAsync(Uri webSocketUri, CancellationToken cancellationToken)
    {
        var handler = new CountingEventHandler(Gate);
        var options = new HomeAssistantClientOptions { WebSocketUri = webSocketUri, AccessToken = FakeHomeAssistant.ValidToken };
        _runner = new HomeAssistantRunner(options, handler, TimeProvider.System, NullLogger<HomeAssistantRunner>.Instance);
        _running = _runner.RunAsync(_stop.Token);
        await handler.Connected.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        if (_runner is not null)
        {
            await _runner.DisposeAsync();
        }

        _stop.Dispose();
    }
}
