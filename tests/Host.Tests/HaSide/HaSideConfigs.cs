namespace ProofOfHeat.Host.Tests.HaSide;

/// <summary>The configs the HA-side files are checked for: the demo house written as a file, and a different home.</summary>
internal static class HaSideConfigs
{
    /// <summary>The demo's home (sim/Demo builds the same in code).</summary>
    public const string Demo = """
        # The demo house as a config file (sim/Demo builds the same in code): one zone, the living room, heated by three
        # miners of three firmware families through the fleet; the kitchen leak sensor and the main valve; the main meter.
        apps:
          miners:
            hashprice: 0.040
            currency: EUR
            miners:
              - { id: avalon_mini, name: Avalon Mini 3, family: avalon, host: 127.0.0.1, rpc_port: 1 }
              - { id: bos_s19, name: Antminer S19, family: braiins-os, host: 127.0.0.1, http_port: 1, rpc_port: 1 }
              - { id: luxos_s19j, name: Antminer S19j Pro, family: luxos, host: 127.0.0.1, rpc_port: 1 }
          heating:
            outdoor_temperature_entity: sensor.outdoor_temperature
            time_zone: UTC
            zones:
              - id: living_room
                name: Living room
                room_temperature_entity: sensor.living_room_temperature
                sources: [avalon_mini, bos_s19, luxos_s19j]
            sources:
              - { id: avalon_mini, kind: fleet, entity: avalon_mini, type: miner, power_levels: [0, 400, 600, 800], joules_per_terahash: 21.5 }
              - { id: bos_s19, kind: fleet, entity: bos_s19, type: miner, power_levels: [0, 1500, 2300, 3050], joules_per_terahash: 34 }
              - { id: luxos_s19j, kind: fleet, entity: luxos_s19j, type: miner, power_levels: [0, 1500, 2300, 3050], joules_per_terahash: 29.5 }
            prices:
              hashprice: 0.040
              static:
                - { from: "00:00", to: "06:00", price: 0.14 }
                - { from: "06:00", to: "17:00", price: 0.28 }
                - { from: "17:00", to: "21:00", price: 0.42 }
                - { from: "21:00", to: "24:00", price: 0.22 }
          safety:
            leak:
              sensors: [binary_sensor.leak_kitchen]
              valves: [valve.main_water]
              switch_off: [switch.dishwasher]
            overload:
              meter: sensor.main_meter_power
              limit_watts: 10500
              loads:
                - { id: avalon_mini, kind: miner, watts: 800 }
                - { id: bos_s19, kind: miner, watts: 3050 }
                - { id: luxos_s19j, kind: miner, watts: 3050 }
                - { id: switch.towel_heater, kind: switch, watts: 600 }
        """;

    /// <summary>A second home: Russian zone names, a heat pump, a price sensor, gas and smoke, the alarm.</summary>
    public const string Dacha = """
        # A second, different home: two zones named in Russian, a heat pump and a miner in the basement, a price sensor,
        # gas and smoke sensors with a gas valve and a water valve switch, and the intrusion alarm.
        apps:
          miners:
            currency: RUB
            miners:
              - { id: s21, name: Antminer S21, family: antminer, host: 127.0.0.1, http_port: 1, area: Basement }
              - { id: m50, name: Вентилятор-майнер, family: whatsminer, host: 127.0.0.1, rpc_port: 1 }
          heating:
            outdoor_temperature_entity: sensor.street_temperature
            zones:
              - { id: gostinaya, name: Гостиная, room_temperature_entity: sensor.gostinaya_t, sources: [hp, s21] }
              - { id: detskaya, name: Детская, room_temperature_entity: sensor.detskaya_t, sources: [m50] }
              - { id: office-2, room_temperature_entity: sensor.office_t, sources: [hp] }
            sources:
              - { id: hp, kind: number, entity: number.heat_pump_power, type: heat_pump, power_levels: [0, 2400, 8000] }
              - { id: s21, kind: fleet, entity: s21, type: miner, joules_per_terahash: 17.5 }
              - { id: m50, kind: fleet, entity: m50, type: miner, joules_per_terahash: 29 }
            prices:
              entity: sensor.mosenergosbyt_price
              multiplier: 1.2
              adder: 0.5
          safety:
            leak:
              sensors: [binary_sensor.bath_leak, binary_sensor.kitchen_leak]
              valves: [switch.water_inlet]
            gas:
              sensors: [binary_sensor.boiler_room_gas]
              valves: [valve.gas_main]
            smoke:
              sensors: [binary_sensor.hall_smoke]
          alarm:
            code_arm_required: false
            sirens: [siren.outdoor]
            away: { sensors: [binary_sensor.front_door_contact], exit_delay: 60s, entry_delay: 30s }
            night: { sensors: [binary_sensor.front_door_contact], exit_delay: 10s, entry_delay: 15s }
        """;

    /// <summary>Both, by name (xunit's member data).</summary>
    public static TheoryData<string> Names => new() { nameof(Demo), nameof(Dacha) };

    /// <summary>The config named <paramref name="name"/>.</summary>
    public static string Get(string name) => name == nameof(Demo) ? Demo : Dacha;
}
