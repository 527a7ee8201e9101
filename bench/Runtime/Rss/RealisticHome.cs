using System.Globalization;
using System.Text;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Host.Storage;
using ProofOfHeat.Sim;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.TestKit.HomeAssistant;

namespace ProofOfHeat.Bench.Rss;

/// <summary>
/// The home <c>poh run</c> is measured in: the fake Home Assistant (tests/TestKit) with three rooms' and the outdoor
/// temperature sensors, moving every minute; ten miner simulators of six firmware families (sim/Miners/Farm) on
/// loopback, in this process and not the measured one; a config with the fleet app over the ten miners and the
/// heating app's three zones with the optimiser, planning them through the fleet; the safety app (a leak sensor
/// closing the main valve, overload shedding over the ten miners on the main meter, frost protection of the cellar
/// pipes) and notifications to a person's phone; and 50 hours of each zone's history in the store, so the optimiser
/// identifies the rooms and plans from its first decision.
/// </summary>
internal sealed class RealisticHome : IAsyncDisposable
{
    /// <summary>The three zones, each with the miners that heat it.</summary>
    private static readonly (string Zone, string[] Families)[] Zones =
    [
        ("living_room", ["avalon", "braiins-os", "luxos", "antminer-stock"]),
        ("office", ["braiins-os", "whatsminer-v2", "vnish"]),
        ("bedroom", ["avalon", "luxos", "whatsminer-v3"]),
    ];

    private static readonly TimeSpan HistorySpan = TimeSpan.FromHours(50);

    // What the safety app watches and acts on.
    private const string LeakSensor = "binary_sensor.leak_kitchen";
    private const string MainValve = "valve.main_water";
    private const string Dishwasher = "switch.dishwasher";
    private const string MainMeter = "sensor.main_meter_power";
    private const string CellarSensor = "sensor.cellar_temperature";
    private const string CellarHeater = "switch.cellar_heater";

    private readonly FakeHomeAssistant _ha = new();
    private readonly MinerFarm _farm = new(TimeProvider.System);
    private readonly List<(string Zone, string Id, FarmMiner Miner)> _miners = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _weather = Task.CompletedTask;

    /// <summary>How many miners heat the home.</summary>
    public int MinerCount => _miners.Count;

    /// <summary>The families of the miners, for the report.</summary>
    public string Families => string.Join(", ", _miners.GroupBy(m => m.Miner.Family).Select(g => $"{g.Count()}× {g.Key}"));

    public static async Task<RealisticHome> StartAsync()
    {
        var home = new RealisticHome();
        foreach (var (zone, families) in Zones)
        {
            for (var i = 0; i < families.Length; i++)
            {
                var miner = await home._farm.StartAsync(families[i]);
                home._miners.Add((zone, $"{zone}_{i + 1}", miner));
            }

            home._ha.SetState(Sensor(zone), "20.4", new { unit_of_measurement = "°C", device_class = "temperature" });
        }

        home._ha.SetState("sensor.outdoor_temperature", "3.5", new { unit_of_measurement = "°C", device_class = "temperature" });
        // What the safety app watches and acts on: all quiet, as most of the time.
        home._ha.SetState(LeakSensor, "off", new { device_class = "moisture" });
        home._ha.SetState(MainValve, "open", new { device_class = "water" });
        home._ha.SetState(Dishwasher, "on");
        home._ha.SetState(MainMeter, "3200", new { unit_of_measurement = "W", device_class = "power" });
        home._ha.SetState(CellarSensor, "9.5", new { unit_of_measurement = "°C", device_class = "temperature" });
        home._ha.SetState(CellarHeater, "off");
        home._weather = home.MoveSensorsAsync(home._stop.Token);
        return home;
    }

    /// <summary>The config file the brain runs with, written into <paramref name="directory"/>.</summary>
    public string WriteConfig(string directory) => WriteConfig(directory, withApps: true);

    /// <summary>Writes the config; without apps, Home Assistant only (the brain with nothing to run).</summary>
    public string WriteConfig(string directory, bool withApps)
    {
        if (!withApps)
        {
            var bare = Path.Combine(directory, "poh.yaml");
            File.WriteAllText(bare, string.Create(CultureInfo.InvariantCulture, $"homeassistant:\n  url: {_ha.WebSocketUri}\n  token: {FakeHomeAssistant.ValidToken}\n"));
            return bare;
        }

        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"""
            homeassistant:
              url: {_ha.WebSocketUri}
              token: {FakeHomeAssistant.ValidToken}
            apps:
              miners:
                hashprice: 0.040
                miners:

            """);
        foreach (var (_, id, m) in _miners)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"      - {{ id: {id}, name: {m.Hardware.Spec.Model}, family: {m.Family}, host: {m.Host}, http_port: {m.HttpPort}");
            yaml.Append(m.RpcPort is { } rpc ? string.Create(CultureInfo.InvariantCulture, $", rpc_port: {rpc}") : "");
            yaml.Append(m.V3Port is { } v3 ? string.Create(CultureInfo.InvariantCulture, $", whatsminer_v3_port: {v3}") : "");
            yaml.Append(" }\n");
        }

        yaml.Append("""
              heating:
                outdoor_temperature_entity: sensor.outdoor_temperature
                time_zone: UTC
                zones:

            """);
        foreach (var (zone, _) in Zones)
        {
            var sources = string.Join(", ", _miners.Where(m => m.Zone == zone).Select(m => m.Id));
            yaml.Append(CultureInfo.InvariantCulture, $"      - {{ id: {zone}, room_temperature_entity: {Sensor(zone)}, sources: [{sources}] }}\n");
        }

        yaml.Append("    sources:\n");
        foreach (var (_, id, m) in _miners)
        {
            var spec = m.Hardware.Spec;
            yaml.Append(CultureInfo.InvariantCulture,
                $"      - {{ id: {id}, kind: fleet, entity: {id}, type: miner, joules_per_terahash: {spec.JoulesPerTerahash}, "
                + $"power_levels: [0, {spec.MinimumPowerWatts}, {(spec.MinimumPowerWatts + spec.NominalPowerWatts) / 2}, {spec.NominalPowerWatts}], minimum_on: 15m, minimum_off: 15m }}\n");
        }

        yaml.Append("""
                prices:
                  hashprice: 0.040
                  static:
                    - { from: "00:00", to: "06:00", price: 0.14 }
                    - { from: "06:00", to: "17:00", price: 0.28 }
                    - { from: "17:00", to: "21:00", price: 0.42 }
                    - { from: "21:00", to: "24:00", price: 0.22 }

            """);
        yaml.Append(CultureInfo.InvariantCulture, $$"""
              safety:
                leak: { sensors: [{{LeakSensor}}], valves: [{{MainValve}}], switch_off: [{{Dishwasher}}] }
                zones:
                  - { name: cellar_pipes, sensor: {{CellarSensor}}, frost_limit: 4, heat: [{{CellarHeater}}] }
                overload:
                  meter: {{MainMeter}}
                  limit_watts: 34500
                  loads:

            """);
        foreach (var (_, id, m) in _miners)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"          - {{ id: {id}, kind: miner, watts: {m.Hardware.Spec.NominalPowerWatts} }}\n");
        }

        yaml.Append("""
            notify:
              people:
                - { name: anna, mobile_apps: [pixel_9] }

            """);
        var path = Path.Combine(directory, "poh.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    /// <summary>
    /// Writes <see cref="HistorySpan"/> of each zone's history into the store in <paramref name="dataDirectory"/>,
    /// made the way HA's recorder would have it: a simulated room under a plain thermostat, one sample a minute.
    /// </summary>
    public static async Task SeedHistoryAsync(string dataDirectory)
    {
        var now = TimeProvider.System.GetUtcNow();
        await using var store = await RuntimeStore.OpenAsync(Path.Combine(dataDirectory, RuntimeStore.FileName), TimeProvider.System, CancellationToken.None);
        var history = new SqliteHeatingHistoryStore(store);
        for (var z = 0; z < Zones.Length; z++)
        {
            var room = new SimulatedHome(new SimulatedHomeOptions { Seed = z + 1, Start = now - HistorySpan });
            var heating = false;
            while (room.Now < now)
            {
                var temperature = room.RoomSensor.LastReading?.Value;
                var target = room.Now.Hour is >= 7 and < 22 ? 21.0 : 18.5;
                heating = temperature is { } t && (t < target - 0.3 || (heating && t < target + 0.3));
                room.SetMinerPower(heating ? room.Miner.Options.MaximumPower : 0);
                var at = room.Now;
                room.Step();
                history.Append(Zones[z].Zone, new HeatingHistorySample(
                    at, temperature, room.OutdoorSensor.LastReading?.Value ?? room.OutdoorTemperature, 0, room.Miner.PowerWatts, 0));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _weather;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        await _farm.DisposeAsync();
        await _ha.DisposeAsync();
        _stop.Dispose();
    }

    private static string Sensor(string zone) => $"sensor.{zone}_temperature";

    /// <summary>Every minute each room and the outdoor sensor move a little, as real sensors report.</summary>
    private async Task MoveSensorsAsync(CancellationToken cancellationToken)
    {
        var random = new Random(7);
        var minute = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
            minute++;
            foreach (var (zone, _) in Zones)
            {
                var value = 20.5 + Math.Sin(minute / 30.0) * 0.6 + ((random.NextDouble() - 0.5) * 0.2);
                _ha.SetState(Sensor(zone), value.ToString("F1", CultureInfo.InvariantCulture));
            }

            _ha.SetState("sensor.outdoor_temperature", (3.5 + Math.Sin(minute / 120.0)).ToString("F1", CultureInfo.InvariantCulture));
            _ha.SetState(CellarSensor, (9.5 + Math.Sin(minute / 90.0)).ToString("F1", CultureInfo.InvariantCulture));
            _ha.SetState(MainMeter, (3200 + (random.NextDouble() * 400)).ToString("F0", CultureInfo.InvariantCulture));
        }
    }
}
