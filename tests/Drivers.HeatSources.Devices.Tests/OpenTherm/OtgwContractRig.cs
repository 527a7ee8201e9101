using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Drivers.HeatSources.OpenTherm;
using ProofOfHeat.Sim.HeatSources.OpenTherm;
using ProofOfHeat.TestKit.HeatSources;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.OpenTherm;

/// <summary>The OTGW driver on the rig's fake clock against a simulated gateway exchanging a message every 10 ms.</summary>
internal sealed class OtgwContractRig : HeatSourceRig
{
    private readonly OtgwSimulator _simulator;

    public OtgwContractRig()
    {
        _simulator = new OtgwSimulator(
            new OtgwSimulatorOptions { ReportInterval = TimeSpan.FromMilliseconds(10), SimulatedStepPerReport = TimeSpan.FromSeconds(5), ThermostatControlSetpoint = 40 },
            TimeProvider.System);
        Driver = new OtgwDriver(
            new OtgwDriverOptions { Host = "127.0.0.1", Port = _simulator.Port },
            new HeatSourceDriverContext(Clock, Timeouts, NullLoggerFactory.Instance));
    }

    public override IHeatSourceDriver Driver { get; }

    public override int CommandsReceived => _simulator.CommandCount;

    public OtgwSimulator Simulator => _simulator;

    public override void IgnoreCommands() => _simulator.Faults.IgnoreCommands = true;

    public override void RefuseCommands() => _simulator.Faults.RejectCommandsWith = "NG";

    public override void GoSilent() => _simulator.Faults.Silent = true;

    protected override ValueTask DisposeCoreAsync() => _simulator.DisposeAsync();
}
