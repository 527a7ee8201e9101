using System.Globalization;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// The config the whole brain runs with in the benchmark: Home Assistant on a loopback port nobody listens on (so HA
/// is away, as when it restarts: the safety app runs on the Zigbee2MQTT devices alone), the bench's mosquitto, the
/// leak sensor, the valve, the main meter and a heater plug as Zigbee2MQTT devices, and the safety app's leak and
/// overload rules. Everything else is the product's default.
/// </summary>
internal static class BrainConfig
{
    public const string MeterTopic = "zigbee2mqtt/main_meter";
    public const string HeaterSetTopic = "zigbee2mqtt/heater_plug/set";
    public const string HeaterStateTopic = "zigbee2mqtt/heater_plug";

    /// <summary>The main fuse's limit in the config (W).</summary>
    public const double LimitWatts = 5750;

    /// <summary>How soon a shed heater may come back (the policy also waits its 10 s meter lag).</summary>
    public static readonly TimeSpan RestoreInterval = TimeSpan.FromSeconds(1);

    /// <summary>Writes poh.yaml into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory, int mqttPort, int deadHomeAssistantPort)
    {
        var yaml = string.Create(CultureInfo.InvariantCulture, $$"""
            homeassistant:
              url: http://127.0.0.1:{{deadHomeAssistantPort}}
              token: bench-token-nobody-checks
            mqtt:
              url: mqtt://127.0.0.1:{{mqttPort}}
              zigbee2mqtt:
                devices:
                  - { name: leak_kitchen, property: water_leak, entity_id: binary_sensor.leak_kitchen }
                  - { name: valve_main, property: state, entity_id: valve.main_water }
                  - { name: main_meter, property: power, entity_id: sensor.main_meter_power }
                  - { name: heater_plug, property: state, entity_id: switch.heater_plug }
            apps:
              safety:
                leak:
                  sensors: [binary_sensor.leak_kitchen]
                  valves: [valve.main_water]
                overload:
                  meter: sensor.main_meter_power
                  limit_watts: {{LimitWatts}}
                  minimum_off: 0s
                  restore_interval: {{RestoreInterval.TotalSeconds}}s
                  loads:
                    - { id: switch.heater_plug, kind: switch, watts: 3000 }
            """);
        var path = Path.Combine(directory, "poh.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
