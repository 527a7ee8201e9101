using ProofOfHeat.Host.Api;
using ProofOfHeat.Mqtt;

namespace ProofOfHeat.Host.Composition;

/// <summary>The <c>mqtt</c> section of <c>/api/status</c>: the broker (without its password) and whether we are connected.</summary>
internal sealed class MqttStatusContributor(MqttBroker broker, MqttClient client) : IStatusContributor
{
    /// <inheritdoc />
    public string Name => "mqtt";

    /// <inheritdoc />
    public object GetStatus() => new
    {
        broker = broker.ToString(),
        connected = client.IsConnected,
    };
}
