using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text.Json.Nodes;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>A switch (a miner on/off, a heater enable). HA sends <c>ON</c>/<c>OFF</c>; the app applies it and publishes the state.</summary>
/// <param name="key">The key within the device.</param>
public sealed class MqttSwitch(string key) : MqttDiscoveryEntity(key)
{
    private readonly Subject<bool> _commands = new();

    /// <inheritdoc />
    public override string Platform => "switch";

    /// <summary><c>outlet</c> or <c>switch</c>, or null.</summary>
    public string? DeviceClass { get; init; }

    /// <summary>Validated commands from HA: true for on. Observers run on the MQTT dispatch loop: keep them short.</summary>
    public IObservable<bool> Commands => _commands.AsObservable();

    /// <summary>Publishes the switch state.</summary>
    public void PublishState(bool on) => PublishState("state", on ? "ON" : "OFF");

    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandSuffixes { get; } = ["set"];

    /// <inheritdoc />
    private protected override void WritePlatformKeys(JsonObject component)
    {
        component["cmd_t"] = Topic("set");
        component["stat_t"] = Topic("state");
        if (DeviceClass is not null)
        {
            component["dev_cla"] = DeviceClass;
        }
    }

    /// <inheritdoc />
    internal override CommandOutcome HandleCommand(string suffix, string payload)
    {
        bool? on = payload switch
        {
            "ON" => true,
            "OFF" => false,
            _ => null,
        };
        if (on is null)
        {
            return CommandOutcome.Reject("a switch takes ON or OFF");
        }

        _commands.OnNext(on.Value);
        return CommandOutcome.Ok;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete(_commands);
        }

        base.Dispose(disposing);
    }
}
