using Microsoft.Extensions.Logging;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.TestKit.Logging;

namespace ProofOfHeat.MqttEntities.Tests.Support;

/// <summary>A manager over a client that never connects: enough to build payloads and route commands in unit tests.</summary>
internal sealed class OfflineManager : IAsyncDisposable
{
    private readonly MqttClient _client = new(new MqttClientOptions { Host = "127.0.0.1", Port = 1 }, TimeProvider.System);

    public OfflineManager()
    {
        Manager = new MqttEntityManager(_client, Options, TimeProvider.System, Logs.CreateFactory().CreateLogger<MqttEntityManager>());
    }

    public MqttDiscoveryOptions Options { get; } = new() { OriginVersion = "0.1.0" };

    public CapturingLoggerProvider Logs { get; } = new();

    public MqttEntityManager Manager { get; }

    /// <summary>The discovery payload of one declared device.</summary>
    public string Payload(string deviceId)
    {
        var device = Manager.FindDevice(deviceId) ?? throw new KeyNotFoundException(deviceId);
        return DevicePayloadBuilder.Build(Options, device.Info, device.Entities);
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
