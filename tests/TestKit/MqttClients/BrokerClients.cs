using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.TestKit.MqttClients;

/// <summary>Clients for tests against a real mosquitto on loopback.</summary>
public static class BrokerClients
{
    public static MqttClientOptions Options(MosquittoBroker broker, string name) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)],
        KeepAlive = TimeSpan.FromSeconds(10),
        ReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(400),
        CommunicationTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>A client with our last will, not yet connected (the manager must subscribe first in some tests).</summary>
    public static MqttClient Brain(MosquittoBroker broker, MqttDiscoveryOptions discovery)
    {
        var options = Options(broker, "brain");
        options.LastWill = MqttEntityManager.LastWill(discovery);
        return new MqttClient(options, TimeProvider.System);
    }

    /// <summary>A connected observer subscribed to <paramref name="filter"/>.</summary>
    public static async Task<(MqttClient Client, TopicRecorder Recorder)> ObserverAsync(MosquittoBroker broker, string filter)
    {
        var client = new MqttClient(Options(broker, "observer"), TimeProvider.System);
        await client.ConnectAsync().WaitAsync(BrokerTimeouts.Safety);
        var recorder = new TopicRecorder();
        await client.SubscribeAsync(filter, recorder.HandleAsync);
        return (client, recorder);
    }
}
