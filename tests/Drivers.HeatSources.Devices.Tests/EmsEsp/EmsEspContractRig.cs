using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Drivers.HeatSources.EmsEsp;
using ProofOfHeat.Mqtt;
using ProofOfHeat.Sim.HeatSources.EmsEsp;
using ProofOfHeat.TestKit.HeatSources;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.EmsEsp;

/// <summary>
/// The EMS-ESP driver on the rig's fake clock and a simulated EMS-ESP publishing every 10 ms, both on a real mosquitto.
/// The MQTT connections keep real time (keep-alive is the connection's business, not the driver's).
/// </summary>
internal sealed class EmsEspContractRig : HeatSourceRig
{
    private readonly MosquittoBroker _broker;
    private readonly MqttClient _mqtt;
    private readonly EmsEspDriver _driver;

    private EmsEspContractRig(MosquittoBroker broker, EmsEspSimulator simulator, MqttClient mqtt, EmsEspDriverOptions options)
    {
        _broker = broker;
        Simulator = simulator;
        _mqtt = mqtt;
        _driver = new EmsEspDriver(options, mqtt, new HeatSourceDriverContext(Clock, Timeouts, NullLoggerFactory.Instance));
    }

    public EmsEspSimulator Simulator { get; }

    public override IHeatSourceDriver Driver => _driver;

    public EmsEspDriver EmsEsp => _driver;

    public override int CommandsReceived => Simulator.CommandCount;

    public static async Task<EmsEspContractRig> StartAsync(bool nested = true, string booleans = "onoff")
    {
        var broker = await MosquittoBroker.StartAsync();
        var simulator = await EmsEspSimulator.StartAsync(
            new EmsEspSimulatorOptions
            {
                PublishInterval = TimeSpan.FromMilliseconds(10),
                SimulatedStepPerPublish = TimeSpan.FromSeconds(5),
                Nested = nested,
                BooleanFormat = booleans,
                SendResponses = true,
            },
            MqttClientOptions.FromUrl(broker.Url),
            TimeProvider.System,
            CancellationToken.None);
        var mqtt = new MqttClient(MqttClientOptions.FromUrl(broker.Url), TimeProvider.System);
        await mqtt.ConnectAsync();
        return new EmsEspContractRig(broker, simulator, mqtt, new EmsEspDriverOptions { ExpectResponses = true });
    }

    public override void IgnoreCommands() => Simulator.Faults.IgnoreCommands = true;

    public override void RefuseCommands() => Simulator.Faults.RefuseCommands = true;

    public override void GoSilent() => Simulator.Faults.Silent = true;

    protected override async ValueTask DisposeCoreAsync()
    {
        await _mqtt.DisposeAsync();
        await Simulator.DisposeAsync();
        await _broker.DisposeAsync();
    }
}
