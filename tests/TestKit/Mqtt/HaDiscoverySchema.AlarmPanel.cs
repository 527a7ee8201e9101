using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.Mqtt;

/// <summary>
/// The MQTT alarm control panel's part of the schema, from home-assistant.io/integrations/alarm_control_panel.mqtt/:
/// its options, the features <c>supported_features</c> may list, and what <c>code</c> may be.
/// </summary>
public static partial class HaDiscoverySchema
{
    /// <summary>The features the page lists for <c>supported_features</c>.</summary>
    public static readonly IReadOnlySet<string> AlarmPanelFeatures = new HashSet<string>(StringComparer.Ordinal)
    {
        "arm_home", "arm_away", "arm_night", "arm_vacation", "arm_custom_bypass", "trigger",
    };

    /// <summary>The states the page says the panel accepts on its state topic.</summary>
    public static readonly IReadOnlySet<string> AlarmPanelStates = new HashSet<string>(StringComparer.Ordinal)
    {
        "disarmed", "armed_home", "armed_away", "armed_night", "armed_vacation", "armed_custom_bypass", "pending", "triggered",
        "arming", "disarming",
    };

    private static readonly string[] AlarmPanelOptionalKeys =
    [
        "code", "code_arm_required", "code_disarm_required", "code_trigger_required", "command_template", "value_template",
        "payload_arm_away", "payload_arm_home", "payload_arm_night", "payload_arm_vacation", "payload_arm_custom_bypass",
        "payload_disarm", "payload_trigger", "supported_features", "retain",
    ];

    private static void CheckAlarmPanel(string key, Dictionary<string, JsonNode?> component, List<string> errors)
    {
        if (component.GetValueOrDefault("supported_features") is { } features)
        {
            if (features is not JsonArray list || list.Count == 0)
            {
                errors.Add($"{key}: supported_features must be a non-empty list");
            }
            else
            {
                foreach (var feature in list.Select(f => f?.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : null))
                {
                    if (feature is null || !AlarmPanelFeatures.Contains(feature))
                    {
                        errors.Add($"{key}: '{feature}' is not an alarm panel feature");
                    }
                }
            }
        }

        foreach (var flag in new[] { "code_arm_required", "code_disarm_required", "code_trigger_required" })
        {
            if (component.GetValueOrDefault(flag) is { } value && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add($"{key}: '{flag}' must be true or false");
            }
        }

        // A code written into the config is checked by HA itself and shown to anyone who can read the broker: the
        // brain only ever sends the documented markers that hand the check to it.
        var code = Text(component, "code");
        if (component.ContainsKey("code") && code is not ("REMOTE_CODE" or "REMOTE_CODE_TEXT"))
        {
            errors.Add($"{key}: 'code' must be REMOTE_CODE or REMOTE_CODE_TEXT (a literal code would be published)");
        }

        var template = Text(component, "command_template");
        if (code is not null && (template is null || !template.Contains("{{ code }}", StringComparison.Ordinal) || !template.Contains("{{ action }}", StringComparison.Ordinal)))
        {
            errors.Add($"{key}: with a remote code the command_template must carry {{{{ action }}}} and {{{{ code }}}}");
        }
    }
}
