using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProofOfHeat.Mqtt;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.NodeRed.Tests.Support;

/// <summary>
/// The home the flows run in, shared by the Node-RED tests (started once: npm install, Node-RED and the brain take
/// tens of seconds on a loaded machine): mosquitto; the fake HA with a room sensor, a heater, a kitchen leak sensor
/// and valve, the main meter and a towel heater; one simulated Braiins OS miner (<c>office</c>); the real brain
/// (<c>poh run</c>) with the heating (zone <c>living_room</c>), the fleet and the safety app; Node-RED 4 with our
/// package; and a watching client subscribed to everything.
/// </summary>
public sealed class HomeWorld : IAsyncLifetime
{
    /// <summary>The kitchen leak sensor (critical alert <c>safety.leak</c> when on).</summary>
    public const string LeakSensor = "binary_sensor.leak_kitchen";

    /// <summary>The main meter (overload alert <c>safety.overload</c> above 5750 W).</summary>
    public const string Meter = "sensor.main_meter_power";

    private readonly string _directory = Directory.CreateTempSubdirectory("poh-nodered-home-").FullName;
    private readonly FakeHomeAssistant _ha = new();
    private MinerFarm? _farm;
    private MosquittoBroker? _broker;
    private BrainProcess? _brain;
    private NodeRedProcess? _nodeRed;
    private MqttClient? _watcher;

    /// <summary>The broker.</summary>
    public MosquittoBroker Broker => _broker!;

    /// <summary>The fake HA.</summary>
    public FakeHomeAssistant Ha => _ha;

    /// <summary>The brain.</summary>
    internal BrainProcess Brain => _brain!;

    /// <summary>Node-RED.</summary>
    internal NodeRedProcess NodeRed => _nodeRed!;

    /// <summary>The simulated miner <c>office</c>.</summary>
    public FarmMiner Miner => _farm!.Miners[0];

    /// <summary>Every message on the broker since the start.</summary>
    internal MessageLog Messages { get; } = new();

    /// <summary>A client for publishing as a test.</summary>
    public MqttClient Client => _watcher!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _watcher = new MqttClient(MqttClientOptions.FromUrl(_broker.Url), TimeProvider.System);
        await _watcher.ConnectAsync().WaitAsync(Eventually.Safety);
        await _watcher.SubscribeAsync("#", Messages.HandleAsync).WaitAsync(Eventually.Safety);

        _farm = new MinerFarm(TimeProvider.System);
        var miner = await _farm.StartAsync("braiins-os");
        SetUpHomeAssistant();
        var config = Path.Combine(_directory, "poh.yaml");
        await File.WriteAllTextAsync(config, Config(_broker.Url, miner));

        // Node-RED's npm install and the brain's start overlap: both are slow on a loaded machine.
        var nodeRed = NodeRedProcess.StartAsync();
        var brain = BrainProcess.StartAsync(_directory, config, new Uri($"http://127.0.0.1:{_ha.WebSocketUri.Port.ToString(CultureInfo.InvariantCulture)}"), FakeHomeAssistant.ValidToken);
        _brain = await brain;
        _nodeRed = await nodeRed;
        await Messages.WaitForAsync(m => m.Topic == "homeassistant/device/poh_heating_zone_living_room/config", "the zone's discovery config");
        await Messages.WaitForAsync(m => m.Topic == "homeassistant/device/poh_miner_office/config", "the miner's discovery config");
    }

    /// <summary>The brain's audit entries (newest first).</summary>
    public async Task<IReadOnlyList<JsonElement>> AuditAsync()
    {
        var body = await Brain.Api.GetFromJsonAsync<JsonElement>(new Uri("/api/audit?limit=500", UriKind.Relative));
        return [.. body.GetProperty("entries").EnumerateArray()];
    }

    /// <summary>A retained-topic payload as last seen, parsed, or null.</summary>
    internal JsonNode? LastJson(string topic) => Messages.Last(topic) is { Length: > 0 } text ? JsonNode.Parse(text) : null;

    /// <summary>What to attach to a failed assertion: the brain's and Node-RED's logs.</summary>
    public string Logs() => $"--- brain ---\n{_brain?.Log}\n--- Node-RED ---\n{_nodeRed?.Log}";

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_nodeRed is not null)
        {
            await _nodeRed.DisposeAsync();
        }

        if (_brain is not null)
        {
            await _brain.DisposeAsync();
        }

        if (_watcher is not null)
        {
            await _watcher.DisposeAsync();
        }

        if (_farm is not null)
        {
            await _farm.DisposeAsync();
        }

        await _ha.DisposeAsync();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private void SetUpHomeAssistant()
    {
        _ha.SetState("sensor.living_temperature", "19.5", new { unit_of_measurement = "°C", device_class = "temperature" });
        _ha.SetState("sensor.outside", "2.0", new { unit_of_measurement = "°C", device_class = "temperature" });
        _ha.SetState("number.heater_power", "0", new { min = 0, max = 2000, step = 1000, unit_of_measurement = "W" });
        _ha.SetState(LeakSensor, "off", new { device_class = "moisture" });
        _ha.SetState("valve.main_water", "open");
        _ha.SetState(Meter, "1200", new { unit_of_measurement = "W", device_class = "power" });
        _ha.SetState("switch.towel_heater", "on");
        _ha.RegisterService("number", "set_value");
        // Devices that obey: the state follows the call, so the safety app's read-back confirms its commands.
        Obey("valve", "close_valve", "closed");
        Obey("valve", "open_valve", "open");
        Obey("switch", "turn_off", "off");
        Obey("switch", "turn_on", "on");
        _ha.RegisterService("persistent_notification", "create");
        _ha.RegisterService("persistent_notification", "dismiss");
    }

    private void Obey(string domain, string service, string state) =>
        _ha.RegisterService(domain, service, call =>
        {
            foreach (var entity in call.TargetEntityIds)
            {
                // Off the session's thread: the state change is pushed to the brain after the call's result.
                _ = Task.Run(() => _ha.SetState(entity, state));
            }

            return FakeServiceOutcome.Ok();
        });

    private static string Config(string brokerUrl, FarmMiner miner) => string.Create(CultureInfo.InvariantCulture, $$"""
        mqtt:
          url: {{brokerUrl}}
        apps:
          heating:
            zone_name: living room
            room_temperature_entity: sensor.living_temperature
            outdoor_temperature_entity: sensor.outside
            heater_power_entity: number.heater_power
            first_decision_after: 1s
          miners:
            hashprice: 0.04
            miners:
              - id: office
                family: braiins-os
                host: {{miner.Host}}
                http_port: {{miner.HttpPort}}
                {{(miner.RpcPort is { } rpc ? $"rpc_port: {rpc}" : string.Empty)}}
                dwell: { minimum_on: 0s, minimum_off: 0s, power_change_interval: 0s }
          safety:
            leak: { sensors: [{{LeakSensor}}], valves: [valve.main_water] }
            overload:
              meter: {{Meter}}
              limit_watts: 5750
              minimum_off: 1s
              restore_interval: 1s
              loads:
                - { id: switch.towel_heater, kind: switch, watts: 1500 }
        """);
}
