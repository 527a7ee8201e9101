using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// An alarm panel (the intrusion alarm). Keys, states, actions and features follow HA's MQTT alarm control panel
/// (home-assistant.io/integrations/alarm_control_panel.mqtt/): the state topic takes <see cref="PanelStates"/>, the command
/// topic carries <see cref="Actions"/>, <c>supported_features</c> lists <see cref="Features"/>. The code is never sent
/// to HA: with a <see cref="CodeFormat"/> the config says <c>code: REMOTE_CODE</c> (or <c>REMOTE_CODE_TEXT</c>), which
/// that page documents as "local code validation is bypassed but the frontend will still show a … code dialog", and
/// the page's own remote-code template sends <c>{"action": …, "code": …}</c> for the brain to check.
/// </summary>
/// <param name="key">The key within the device.</param>
public sealed class MqttAlarmControlPanel(string key) : MqttDiscoveryEntity(key)
{
    /// <summary>The states HA accepts on the state topic (the page above, "accept the following states").</summary>
    public static readonly IReadOnlySet<string> PanelStates = new HashSet<string>(StringComparer.Ordinal)
    {
        "disarmed", "armed_home", "armed_away", "armed_night", "armed_vacation", "armed_custom_bypass", "pending", "triggered",
        "arming", "disarming",
    };

    /// <summary>The features <c>supported_features</c> may list (the page above).</summary>
    public static readonly IReadOnlySet<string> Features = new HashSet<string>(StringComparer.Ordinal)
    {
        "arm_home", "arm_away", "arm_night", "arm_vacation", "arm_custom_bypass", "trigger",
    };

    /// <summary>The default command payloads (<c>payload_arm_home</c> … <c>payload_trigger</c>, <c>payload_disarm</c>).</summary>
    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal)
    {
        "ARM_HOME", "ARM_AWAY", "ARM_NIGHT", "ARM_VACATION", "ARM_CUSTOM_BYPASS", "TRIGGER", "DISARM",
    };

    /// <summary>The remote-code command template from HA's page: the action and the code as typed, in JSON.</summary>
    public const string RemoteCodeTemplate = """{"action":"{{ action }}","code":"{{ code }}"}""";

    private readonly Subject<MqttAlarmCommand> _commands = new();

    /// <inheritdoc />
    public override string Platform => "alarm_control_panel";

    /// <summary>The features offered (a subset of <see cref="Features"/>, at least one).</summary>
    public IReadOnlyList<string> SupportedFeatures { get; init; } = ["arm_home", "arm_away", "arm_night", "arm_vacation"];

    /// <summary>Whether HA asks for a code, and which keypad it shows; the brain checks the code.</summary>
    public MqttAlarmCodeFormat CodeFormat { get; init; } = MqttAlarmCodeFormat.None;

    /// <summary>Whether HA asks for the code to arm (with a <see cref="CodeFormat"/>).</summary>
    public bool CodeArmRequired { get; init; }

    /// <summary>Whether HA asks for the code to disarm (with a <see cref="CodeFormat"/>).</summary>
    public bool CodeDisarmRequired { get; init; } = true;

    /// <summary>Whether HA asks for the code to trigger (with a <see cref="CodeFormat"/> and the <c>trigger</c> feature).</summary>
    public bool CodeTriggerRequired { get; init; }

    /// <summary>Validated commands from HA. Observers run on the MQTT dispatch loop: keep them short.</summary>
    public IObservable<MqttAlarmCommand> Commands => _commands.AsObservable();

    /// <summary>Publishes the panel state.</summary>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not one of <see cref="PanelStates"/>.</exception>
    public void PublishState(string state)
    {
        if (!PanelStates.Contains(state))
        {
            throw new ArgumentException($"'{state}' is not an alarm panel state.", nameof(state));
        }

        PublishState("state", state);
    }

    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandSuffixes { get; } = ["set"];

    /// <inheritdoc />
    internal override void Validate()
    {
        if (SupportedFeatures.Count == 0 || SupportedFeatures.Any(f => !Features.Contains(f))
            || SupportedFeatures.Distinct(StringComparer.Ordinal).Count() != SupportedFeatures.Count)
        {
            throw new ArgumentException($"Alarm panel '{Key}' needs supported features from {string.Join(", ", Features)}, no duplicates.");
        }
    }

    /// <inheritdoc />
    private protected override void WritePlatformKeys(JsonObject component)
    {
        component["cmd_t"] = Topic("set");
        component["stat_t"] = Topic("state");
        component["sup_feat"] = new JsonArray([.. SupportedFeatures.Select(f => JsonValue.Create(f))]);
        if (CodeFormat == MqttAlarmCodeFormat.None)
        {
            // Without a code HA still defaults code_*_required to true; with no code set it asks for none.
            return;
        }

        component["code"] = CodeFormat == MqttAlarmCodeFormat.Number ? "REMOTE_CODE" : "REMOTE_CODE_TEXT";
        component["cmd_tpl"] = RemoteCodeTemplate;
        component["cod_arm_req"] = CodeArmRequired;
        component["cod_dis_req"] = CodeDisarmRequired;
        if (SupportedFeatures.Contains("trigger", StringComparer.Ordinal))
        {
            component["cod_trig_req"] = CodeTriggerRequired;
        }
    }

    /// <inheritdoc />
    internal override CommandOutcome HandleCommand(string suffix, string payload)
    {
        if (Parse(payload) is not { } command)
        {
            return CommandOutcome.Reject("an alarm panel takes an action, or {\"action\":…,\"code\":…}");
        }

        if (command.Action != "DISARM" && !SupportedFeatures.Contains(command.Action.ToLowerInvariant(), StringComparer.Ordinal))
        {
            return CommandOutcome.Reject($"{command.Action} is not a supported feature");
        }

        _commands.OnNext(command);
        return CommandOutcome.Ok;
    }

    /// <inheritdoc />
    internal override string Loggable(string payload) =>
        Parse(payload)?.ToString() ?? $"({payload.Length} characters, not shown: they may hold a code)";

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete(_commands);
        }

        base.Dispose(disposing);
    }

    /// <summary>A bare action, or the remote-code template's JSON; null when it is neither.</summary>
    private static MqttAlarmCommand? Parse(string payload)
    {
        var text = payload.Trim();
        if (!text.StartsWith('{'))
        {
            return Actions.Contains(text) ? new MqttAlarmCommand(text, null) : null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String
                || !Actions.Contains(action.GetString()!))
            {
                return null;
            }

            var code = root.TryGetProperty("code", out var value) ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            } : null;

            // The template renders a missing code as Jinja's "None" (HA passes code=None when no code was typed).
            return new MqttAlarmCommand(action.GetString()!, code is null or "" or "None" ? null : code);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
