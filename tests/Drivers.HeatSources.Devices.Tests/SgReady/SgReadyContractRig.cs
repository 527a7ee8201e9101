using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Drivers.HeatSources.SgReady;
using ProofOfHeat.Drivers.HeatSources.SgReady.Outputs;
using ProofOfHeat.Mqtt;
using ProofOfHeat.Sim.HeatSources.SgReady;
using ProofOfHeat.TestKit.HeatSources;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.SgReady;

/// <summary>The SG-Ready driver (and its relay outputs' reply waits) on the rig's fake clock, with two Tasmota relays of a simulated heat pump on a real mosquitto.</summary>
internal sealed class SgReadyContractRig : HeatSourceRig
{
    private readonly MosquittoBroker _broker;
    private readonly MqttClient _mqtt;

    private SgReadyContractRig(MosquittoBroker broker, SgReadyHeatPumpSimulator simulator, MqttClient mqtt)
    {
        _broker = broker;
        Simulator = simulator;
        _mqtt = mqtt;
        Driver = new SgReadyDriver(
            new SgReadyDriverOptions { Name = "heat-pump" },
            new MqttRelayOutput(mqtt, MqttRelayOptions.Tasmota("sgready1"), Clock),
            new MqttRelayOutput(mqtt, MqttRelayOptions.Tasmota("sgready2"), Clock),
            new HeatSourceDriverContext(Clock, Timeouts, NullLoggerFactory.Instance));
    }

    public SgReadyHeatPumpSimulator Simulator { get; }

    public override IHeatSourceDriver Driver { get; }

    public override int CommandsReceived => Simulator.CommandCount;

    public static async Task<SgReadyContractRig> StartAsync()
    {
        var broker = await MosquittoBroker.StartAsync();
        var simulator = await SgReadyHeatPumpSimulator.StartAsync(MqttClientOptions.FromUrl(broker.Url), "sgready1", "sgready2", TimeProvider.System, CancellationToken.None);
        var mqtt = new MqttClient(MqttClientOptions.FromUrl(broker.Url), TimeProvider.System);
        await mqtt.ConnectAsync();
        return new SgReadyContractRig(broker, simulator, mqtt);
    }

    public override void IgnoreCommands() => Simulator.Faults.Stuck = true;

    public override void RefuseCommands() => Simulator.Faults.Refuse = true;

    public override void GoSilent() => Simulator.Faults.Silent = true;

    protected override async ValueTask DisposeCoreAsync()
    {
        await _mqtt.DisposeAsync();
        await Simulator.DisposeAsync();
        await _broker.DisposeAsync();
    }
}
