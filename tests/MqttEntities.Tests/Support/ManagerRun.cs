using Microsoft.Extensions.Logging;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Support;

/// <summary>One run of the brain's entity manager against a broker: declare, run the loop, connect; dispose to stop.</summary>
internal sealed class ManagerRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    private ManagerRun(MosquittoBroker broker, MqttDiscoveryOptions options)
    {
        Options = options;
        Client = BrokerClients.Brain(broker, options);
        Manager = new MqttEntityManager(Client, options, TimeProvider.System, Logs.CreateFactory().CreateLogger<MqttEntityManager>());
    }

    public MqttDiscoveryOptions Options { get; }

    public MqttClient Client { get; }

    public MqttEntityManager Manager { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<ManagerRun> StartAsync(MosquittoBroker broker, Action<IMqttEntities> declare, MqttDiscoveryOptions? options = null)
    {
        var run = new ManagerRun(broker, options ?? new MqttDiscoveryOptions { OriginVersion = "0.1.0" });
        declare(run.Manager);
        run._loop = run.Manager.RunAsync(run._stop.Token);
        await run.Client.ConnectAsync().WaitAsync(TestTimeouts.Safety);
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop.WaitAsync(TestTimeouts.Safety);
        }

        await Client.DisposeAsync();
        _stop.Dispose();
    }
}
