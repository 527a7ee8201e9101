using YamlDotNet.Serialization;

namespace ProofOfHeat.Host.HaSide;

/// <summary>
/// The <c>yandex_smart_home</c> configuration for one config (<c>poh alice</c>): each zone's climate, the miners'
/// switches, the safety app's valves and the alarm's state, with Russian names and rooms, exposed by a YAML
/// <c>filter:</c> (entity_config alone exposes nothing). Only domains the integration maps to a Yandex type are
/// named (dext0r/yandex_smart_home custom_components/yandex_smart_home/device.py): climate →
/// thermostat, switch and input_boolean → switch, valve → openable.valve. The alarm panel's domain has no Yandex
/// type, so its state reaches Alice as the package's <c>input_boolean.poh_alarm_armed</c>, kept in step by the
/// package's automation; Alice may arm through it (when arming needs no code) but never disarm.
/// </summary>
internal static class AliceConfig
{
    /// <summary>The package's mirror of the alarm state (ha-config/proof_of_heat.yaml.scriban).</summary>
    public const string AlarmMirror = "input_boolean.poh_alarm_armed";

    // Yandex program modes from the climate's presets (yandex_smart_home capability_mode.py names: eco, medium,
    // min, turbo); antifreeze has no Yandex value and is left out.
    private static readonly Dictionary<string, string> ProgramModes = new(StringComparer.Ordinal)
    {
        ["eco"] = "eco", ["medium"] = "comfort", ["min"] = "away", ["turbo"] = "boost",
    };

    /// <summary>The YAML text, with a header saying how to use it.</summary>
    public static string Render(HaSideModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entities = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var zone in model.Zones)
        {
            entities[zone.Climate] = new Dictionary<string, object>
            {
                ["name"] = "Отопление",
                ["room"] = zone.RussianName,
                ["type"] = "thermostat",
                // Our climate offers only heat and off: "turn on" must ask for heat (docs/devices/climate.md).
                ["turn_on"] = new Dictionary<string, object>
                {
                    ["action"] = "climate.set_hvac_mode",
                    ["entity_id"] = zone.Climate,
                    ["data"] = new Dictionary<string, object> { ["hvac_mode"] = "heat" },
                },
                ["modes"] = new Dictionary<string, object>
                {
                    ["program"] = ProgramModes.Where(m => model.PresetModes.Contains(m.Value)).ToDictionary(m => m.Key, m => m.Value),
                },
            };
        }

        foreach (var miner in model.Miners)
        {
            var config = new Dictionary<string, object> { ["name"] = miner.RussianName, ["type"] = "switch" };
            if (miner.RussianRoom is { } room)
            {
                config["room"] = room;
            }

            config["properties"] = new List<object> { new Dictionary<string, object> { ["type"] = "power", ["entity"] = miner.Power } };
            entities[miner.Active] = config;
        }

        AddValves(model, entities);
        if (model.Alarm is not null)
        {
            entities[AlarmMirror] = new Dictionary<string, object>
            {
                ["name"] = "Сигнализация",
                ["type"] = "switch",
                ["turn_on"] = model.AlarmArmsWithoutCode && model.AlarmStates.Contains("arm_away")
                    ? (object)new Dictionary<string, object> { ["action"] = "alarm_control_panel.alarm_arm_away", ["entity_id"] = model.Alarm }
                    : false,
                ["turn_off"] = false,
            };
        }

        var document = new Dictionary<string, object>
        {
            ["yandex_smart_home"] = new Dictionary<string, object>
            {
                ["filter"] = new Dictionary<string, object> { ["include_entities"] = entities.Keys.ToList() },
                ["entity_config"] = entities,
            },
        };
        var yaml = new SerializerBuilder().Build().Serialize(document);
        return """
            # Proof-of-Heat for Yandex Alice (the yandex_smart_home integration), rendered by `poh alice` for one config.
            # Add it to configuration.yaml (or a package), switch on "YAML filter" in the integration's options, then
            # reload YAML. Rooms: the zone's name when written in Cyrillic, else a Russian room word («Гостиная» for
            # living room), else «Зона N». The alarm's state is the package's input_boolean.poh_alarm_armed.

            """ + yaml;
    }

    private static void AddValves(HaSideModel model, Dictionary<string, object> entities)
    {
        var numbers = new Dictionary<bool, int>();
        foreach (var valve in model.Valves)
        {
            var domain = valve.Split('.')[0];
            var type = domain switch
            {
                "valve" => "openable.valve",
                "switch" or "input_boolean" => "switch",
                _ => null,
            };
            if (type is null)
            {
                continue;
            }

            var gas = model.GasValves.Contains(valve, StringComparer.Ordinal);
            var number = numbers[gas] = numbers.GetValueOrDefault(gas) + 1;
            entities[valve] = new Dictionary<string, object>
            {
                ["name"] = (gas ? "Газовый кран" : "Кран воды") + (number > 1 ? $" {number}" : string.Empty),
                ["type"] = type,
            };
        }
    }
}
