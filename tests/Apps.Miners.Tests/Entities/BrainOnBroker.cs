using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Apps.Miners.Tests.Entities;

/// <summary>The entity manager running on a client connected to a real mosquitto, as one run of the brain; dispose to stop it.</summary>
internal sealed class BrainOnBroker : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly MqttClient _client;
    private readonly Task _loop;

    private BrainOnBroker(MqttClient client, MqttEntityManager manager)
    {
        _client = client;
        Manager = manager;
        _loop = manager.RunAsync(_stop.Token);
    }

    public MqttEntityManager Manager { get; }

    /// <summary>Declares what <paramref name="declare"/> declares (as the Host does at composition), then connects.</summary>
    public static async Task<BrainOnBroker> StartAsync(MosquittoBroker broker, Action<IMqttEntities> declare)
    {
        var options = new MqttDiscoveryOptions { OriginVersion = "0.1.0" };
        var client = BrokerClients.Brain(broker, options);
        var manager = new MqttEntityManager(client, options, TimeProvider.System, NullLogger<MqttEntityManager>.Instance);
        declare(manager);
        var brain = new BrainOnBroker(client, manager);
        await client.ConnectAsync().WaitAsync(TestTimeouts.Safety);
        return brain;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(TestTimeouts.Safety);
        await _client.DisposeAsync();
        _stop.Dispose();
    }
}
