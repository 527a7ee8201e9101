using System.Text.Json.Nodes;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>A binary sensor (an alarm, "miner overheating", "heating demand").</summary>
/// <param name="key">The key within the device.</param>
public sealed class MqttBinarySensor(string key) : MqttDiscoveryEntity(key)
{
    /// <inheritdoc />
    public override string Platform => "binary_sensor";

    /// <summary>A binary sensor device class (<c>problem</c>, <c>running</c>, <c>moisture</c> …), or null.</summary>
    public string? DeviceClass { get; init; }

    /// <summary>Publishes the state.</summary>
    public void PublishState(bool on) => PublishState("state", on ? "ON" : "OFF");

    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandSuffixes { get; } = [];

    /// <inheritdoc />
    private protected override void WritePlatformKeys(JsonObject component)
    {
        component["stat_t"] = Topic("state");
        if (DeviceClass is not null)
        {
            component["dev_cla"] = DeviceClass;
        }
    }

    /// <inheritdoc />
    internal override CommandOutcome HandleCommand(string suffix, string payload) => CommandOutcome.Reject("a binary sensor takes no commands");
}
