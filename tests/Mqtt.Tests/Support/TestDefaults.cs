using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Mqtt.Tests.Support;

/// <summary>Shared settings for tests against real or fake brokers on loopback.</summary>
internal static class TestDefaults
{
    /// <summary>Only a safety net for hangs; tests await events, never sleep.</summary>
    public static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);

    public static MqttClientOptions Options(string host, int port, string name) => new()
    {
        Host = host,
        Port = port,
        ClientId = $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 60)],
        KeepAlive = TimeSpan.FromSeconds(10),
        ReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(400),
        CommunicationTimeout = TimeSpan.FromSeconds(5),
    };

    public static MqttClient Client(MosquittoBroker broker, string name, Action<MqttClientOptions>? configure = null)
    {
        var options = Options(broker.Host, broker.Port, name);
        configure?.Invoke(options);
        return new MqttClient(options, TimeProvider.System);
    }

    public static async Task<MqttClient> ConnectedClientAsync(MosquittoBroker broker, string name, Action<MqttClientOptions>? configure = null)
    {
        var client = Client(broker, name, configure);
        await client.ConnectAsync().WaitAsync(SafetyTimeout);
        return client;
    }

    /// <summary>A task that completes at the next <see cref="MqttClient.Disconnected"/> (or Connected) event.</summary>
    public static Task NextDisconnect(MqttClient client)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Disconnected += (_, _) => tcs.TrySetResult();
        return tcs.Task;
    }

    public static Task NextConnect(MqttClient client)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, _) => tcs.TrySetResult();
        return tcs.Task;
    }
}
