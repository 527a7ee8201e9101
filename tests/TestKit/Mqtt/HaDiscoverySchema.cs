using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.Mqtt;

/// <summary>
/// HA's documented MQTT discovery schema, as far as the brain uses it, written down from the documentation: the
/// abbreviation table (home-assistant.io MQTT page, "Supported abbreviations"), the device-discovery root keys, the
/// required and allowed keys per platform (MQTT platform pages), and the sensor device class → unit / state class
/// rules (HA developer docs, sensor entity: developers.home-assistant.io/docs/core/entity/sensor). <see cref="Check"/> returns every violation.
/// </summary>
public static partial class HaDiscoverySchema
{
    /// <summary>Abbreviation → full key, for the keys our payloads may contain (HA's table has more).</summary>
    public static readonly IReadOnlyDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["act_t"] = "action_topic", ["act_tpl"] = "action_template", ["avty"] = "availability", ["avty_mode"] = "availability_mode",
        ["avty_t"] = "availability_topic", ["avty_tpl"] = "availability_template", ["cmd_t"] = "command_topic",
        ["cmd_tpl"] = "command_template", ["cmps"] = "components", ["curr_temp_t"] = "current_temperature_topic",
        ["curr_temp_tpl"] = "current_temperature_template", ["def_ent_id"] = "default_entity_id", ["dev"] = "device",
        ["dev_cla"] = "device_class", ["e"] = "encoding", ["en"] = "enabled_by_default", ["ent_cat"] = "entity_category",
        ["ent_pic"] = "entity_picture", ["exp_aft"] = "expire_after", ["frc_upd"] = "force_update", ["ic"] = "icon",
        ["init"] = "initial", ["json_attr_t"] = "json_attributes_topic", ["json_attr_tpl"] = "json_attributes_template",
        ["max"] = "max", ["max_temp"] = "max_temp", ["min"] = "min", ["min_temp"] = "min_temp", ["mode"] = "mode",
        ["mode_cmd_t"] = "mode_command_topic", ["mode_cmd_tpl"] = "mode_command_template", ["mode_stat_t"] = "mode_state_topic",
        ["mode_stat_tpl"] = "mode_state_template", ["modes"] = "modes", ["name"] = "name", ["o"] = "origin", ["ops"] = "options",
        ["opt"] = "optimistic", ["p"] = "platform", ["pl_avail"] = "payload_available", ["pl_not_avail"] = "payload_not_available",
        ["pl_off"] = "payload_off", ["pl_on"] = "payload_on", ["pl_prs"] = "payload_press",
        ["pr_mode_cmd_t"] = "preset_mode_command_topic", ["pr_mode_cmd_tpl"] = "preset_mode_command_template",
        ["pr_mode_stat_t"] = "preset_mode_state_topic", ["pr_mode_val_tpl"] = "preset_mode_value_template",
        ["pr_modes"] = "preset_modes", ["ret"] = "retain", ["stat_cla"] = "state_class", ["stat_off"] = "state_off",
        ["stat_on"] = "state_on", ["stat_t"] = "state_topic", ["stat_tpl"] = "state_template", ["step"] = "step",
        ["sug_dsp_prc"] = "suggested_display_precision", ["t"] = "topic", ["temp_cmd_t"] = "temperature_command_topic",
        ["temp_cmd_tpl"] = "temperature_command_template", ["temp_stat_t"] = "temperature_state_topic",
        ["temp_stat_tpl"] = "temperature_state_template", ["temp_unit"] = "temperature_unit", ["uniq_id"] = "unique_id",
        ["unit_of_meas"] = "unit_of_measurement", ["val_tpl"] = "value_template",
        ["cod_arm_req"] = "code_arm_required", ["cod_dis_req"] = "code_disarm_required", ["cod_trig_req"] = "code_trigger_required",
        ["pl_arm_away"] = "payload_arm_away", ["pl_arm_home"] = "payload_arm_home", ["pl_arm_nite"] = "payload_arm_night",
        ["pl_arm_vacation"] = "payload_arm_vacation", ["pl_arm_custom_b"] = "payload_arm_custom_bypass", ["pl_disarm"] = "payload_disarm",
        ["pl_trig"] = "payload_trigger", ["sup_feat"] = "supported_features",
    };

    /// <summary>Device block abbreviations.</summary>
    public static readonly IReadOnlyDictionary<string, string> DeviceAbbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cns"] = "connections", ["cu"] = "configuration_url", ["ids"] = "identifiers", ["name"] = "name", ["mf"] = "manufacturer",
        ["mdl"] = "model", ["mdl_id"] = "model_id", ["hw"] = "hw_version", ["sw"] = "sw_version", ["sa"] = "suggested_area",
        ["sn"] = "serial_number",
    };

    /// <summary>Origin block abbreviations (<c>name</c> is required).</summary>
    public static readonly IReadOnlyDictionary<string, string> OriginAbbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "name", ["sw"] = "sw_version", ["url"] = "support_url",
    };

    /// <summary>Keys allowed at the root of a device-discovery payload (besides the shared options below).</summary>
    public static readonly IReadOnlySet<string> DeviceRootKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "device", "origin", "components", "availability", "availability_topic", "availability_mode", "availability_template",
        "payload_available", "payload_not_available", "state_topic", "command_topic", "qos", "encoding",
    };

    /// <summary>Keys every entity platform takes (MQTT entity common options).</summary>
    public static readonly IReadOnlySet<string> CommonEntityKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "platform", "unique_id", "name", "icon", "entity_category", "entity_picture", "enabled_by_default", "default_entity_id",
        "json_attributes_topic", "json_attributes_template", "availability", "availability_topic", "availability_mode",
        "availability_template", "payload_available", "payload_not_available", "qos", "encoding",
    };

    /// <summary>Per platform: the required keys and the platform's own optional keys.</summary>
    public static readonly IReadOnlyDictionary<string, (string[] Required, string[] Optional)> Platforms =
        new Dictionary<string, (string[] Required, string[] Optional)>(StringComparer.Ordinal)
        {
            ["climate"] = ([], [
                "modes", "mode_command_topic", "mode_command_template", "mode_state_topic", "mode_state_template",
                "temperature_command_topic", "temperature_command_template", "temperature_state_topic", "temperature_state_template",
                "current_temperature_topic", "current_temperature_template", "action_topic", "action_template", "preset_modes",
                "preset_mode_command_topic", "preset_mode_command_template", "preset_mode_state_topic", "preset_mode_value_template",
                "min_temp", "max_temp", "temp_step", "precision", "temperature_unit", "initial", "optimistic", "retain"]),
            ["switch"] = (["command_topic"], [
                "state_topic", "payload_on", "payload_off", "state_on", "state_off", "value_template", "optimistic", "retain", "device_class"]),
            ["number"] = (["command_topic"], [
                "command_template", "state_topic", "value_template", "min", "max", "step", "mode", "unit_of_measurement",
                "device_class", "payload_reset", "optimistic", "retain"]),
            ["select"] = (["command_topic", "options"], ["state_topic", "value_template", "command_template", "optimistic", "retain"]),
            ["sensor"] = (["state_topic"], [
                "value_template", "device_class", "state_class", "unit_of_measurement", "suggested_display_precision", "expire_after",
                "force_update", "last_reset_value_template", "options"]),
            ["binary_sensor"] = (["state_topic"], [
                "payload_on", "payload_off", "device_class", "off_delay", "expire_after", "value_template", "force_update"]),
            ["button"] = (["command_topic"], ["payload_press", "device_class", "command_template", "retain"]),
            ["alarm_control_panel"] = (["command_topic", "state_topic"], AlarmPanelOptionalKeys),
        };

    /// <summary>Sensor device class → the units HA accepts (null: any, e.g. monetary takes an ISO 4217 code).</summary>
    public static readonly IReadOnlyDictionary<string, string[]?> SensorUnits = new Dictionary<string, string[]?>(StringComparer.Ordinal)
    {
        ["power"] = ["mW", "W", "kW", "MW", "GW", "TW"],
        ["energy"] = ["J", "kJ", "MJ", "GJ", "mWh", "Wh", "kWh", "MWh", "GWh", "TWh", "cal", "kcal", "Mcal", "Gcal"],
        ["temperature"] = ["°C", "°F", "K"],
        ["voltage"] = ["V", "mV", "µV", "kV", "MV"],
        ["current"] = ["A", "mA"],
        ["frequency"] = ["Hz", "kHz", "MHz", "GHz"],
        ["duration"] = ["d", "h", "min", "s", "ms"],
        ["monetary"] = null,
    };

    /// <summary>Sensor device class → the state classes HA allows with it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SensorStateClasses = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["power"] = ["measurement"],
        ["energy"] = ["total", "total_increasing"],
        ["temperature"] = ["measurement"],
        ["voltage"] = ["measurement"],
        ["current"] = ["measurement"],
        ["frequency"] = ["measurement"],
        ["duration"] = ["measurement", "total", "total_increasing"],
        ["monetary"] = ["total"],
    };

    public static readonly IReadOnlySet<string> StateClasses = new HashSet<string>(StringComparer.Ordinal)
    {
        "measurement", "measurement_angle", "total", "total_increasing",
    };

    public static readonly IReadOnlySet<string> BinarySensorClasses = new HashSet<string>(StringComparer.Ordinal)
    {
        "battery", "battery_charging", "carbon_monoxide", "cold", "connectivity", "door", "garage_door", "gas", "heat", "light",
        "lock", "moisture", "motion", "moving", "occupancy", "opening", "plug", "power", "presence", "problem", "running",
        "safety", "smoke", "sound", "tamper", "update", "vibration", "window",
    };

    public static readonly IReadOnlySet<string> ButtonClasses = new HashSet<string>(StringComparer.Ordinal) { "identify", "restart", "update" };

    public static readonly IReadOnlySet<string> SwitchClasses = new HashSet<string>(StringComparer.Ordinal) { "outlet", "switch" };

    public static readonly IReadOnlySet<string> ClimateModes = new HashSet<string>(StringComparer.Ordinal)
    {
        "auto", "off", "cool", "heat", "dry", "fan_only", "heat_cool",
    };

    /// <summary>Every violation of the schema in a device-discovery payload; empty when it is valid.</summary>
    public static IReadOnlyList<string> Check(string payload)
    {
        var errors = new List<string>();
        if (JsonNode.Parse(payload) is not JsonObject root)
        {
            return ["payload is not a JSON object"];
        }

        var expanded = Expand(root, Abbreviations, "root", errors);
        foreach (var key in expanded.Keys.Where(k => !DeviceRootKeys.Contains(k)))
        {
            errors.Add($"root: '{key}' is not a device-discovery root key");
        }

        CheckAvailability(expanded, errors);
        CheckDevice(expanded.GetValueOrDefault("device") as JsonObject, errors);
        CheckOrigin(expanded.GetValueOrDefault("origin") as JsonObject, errors);
        if (expanded.GetValueOrDefault("components") is not JsonObject components || components.Count == 0)
        {
            errors.Add("root: 'components' (cmps) is required and must not be empty");
            return errors;
        }

        foreach (var (key, node) in components)
        {
            if (node is JsonObject component)
            {
                CheckComponent(key, Expand(component, Abbreviations, key, errors), errors);
            }
            else
            {
                errors.Add($"{key}: component is not an object");
            }
        }

        return errors;
    }
}
