using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text.Json.Nodes;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>A select (the active heating profile). Commands that are not one of <see cref="Options"/> are rejected.</summary>
/// <param name="key">The key within the device.</param>
public sealed class MqttSelect(string key) : MqttDiscoveryEntity(key)
{
    private readonly Subject<string> _commands = new();

    /// <inheritdoc />
    public override string Platform => "select";

    /// <summary>The options (required, at least one).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Validated options chosen in HA. Observers run on the MQTT dispatch loop: keep them short.</summary>
    public IObservable<string> Commands => _commands.AsObservable();

    /// <summary>Publishes the current option.</summary>
    /// <exception cref="ArgumentException"><paramref name="option"/> is not one of <see cref="Options"/>.</exception>
    public void PublishState(string option)
    {
        if (!Options.Contains(option, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{option}' is not an option of select '{Key}'.", nameof(option));
        }

        PublishState("state", option);
    }

    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandSuffixes { get; } = ["set"];

    /// <inheritdoc />
    internal override void Validate()
    {
        if (Options.Count == 0 || Options.Distinct(StringComparer.Ordinal).Count() != Options.Count)
        {
            throw new ArgumentException($"Select '{Key}' needs at least one option and no duplicates.");
        }
    }

    /// <inheritdoc />
    private protected override void WritePlatformKeys(JsonObject component)
    {
        component["cmd_t"] = Topic("set");
        component["stat_t"] = Topic("state");
        component["ops"] = new JsonArray([.. Options.Select(o => JsonValue.Create(o))]);
    }

    /// <inheritdoc />
    internal override CommandOutcome HandleCommand(string suffix, string payload)
    {
        if (!Options.Contains(payload, StringComparer.Ordinal))
        {
            return CommandOutcome.Reject("not one of the options");
        }

        _commands.OnNext(payload);
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
