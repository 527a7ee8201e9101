using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Modbus;
using ProofOfHeat.TestKit.HeatSources;

namespace ProofOfHeat.Drivers.HeatSources.Modbus.Tests;

/// <summary>The heat-source contract: the Modbus driver with the shipped generic map against the simulated heat pump.</summary>
public sealed class ModbusHeatPumpContractTests : HeatSourceContractTests
{
    protected override Task<HeatSourceRig> StartRigAsync() => Task.FromResult<HeatSourceRig>(new Rig());

    private sealed class Rig : HeatSourceRig
    {
        private readonly SimulatedModbusHeatPump _pump;

        public Rig()
        {
            _pump = new SimulatedModbusHeatPump(Clock);
            Driver = new ModbusHeatSourceDriver("127.0.0.1", _pump.Server.Port, null, ShippedRegisterMaps.Get("generic-heat-pump"),
                new HeatSourceDriverContext(Clock, Timeouts, NullLoggerFactory.Instance));
        }

        public override IHeatSourceDriver Driver { get; }

        public override int CommandsReceived => _pump.Server.Writes;

        public override void IgnoreCommands() => _pump.Server.Faults.IgnoreWrites = true;

        public override void RefuseCommands() => _pump.Server.Faults.RefuseWritesWith = 4;

        public override void GoSilent() => _pump.Server.Faults.Silent = true;

        protected override ValueTask DisposeCoreAsync() => _pump.DisposeAsync();
    }
}
