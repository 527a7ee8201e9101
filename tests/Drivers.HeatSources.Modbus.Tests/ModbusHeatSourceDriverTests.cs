using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Heating.Sources;
using ProofOfHeat.Sim.Modbus;
using ProofOfHeat.TestKit.HeatSources;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.HeatSources.Modbus.Tests;

public sealed class ModbusHeatSourceDriverTests
{
    [Fact]
    public async Task A_running_pump_reads_its_power_and_heat_on_the_plants_COP()
    {
        var clock = new FakeTimeProvider();
        await using var pump = new SimulatedModbusHeatPump(clock) { OutdoorTemperature = 7 };
        await using var driver = Driver(pump, clock);
        Assert.True((await driver.ApplyAsync(HeatSourceCommand.TurnOn, default)).Succeeded);
        Assert.True((await driver.ApplyAsync(HeatSourceCommand.SetFlowSetpoint(45), default)).Succeeded);
        Assert.True((await driver.ApplyAsync(HeatSourceCommand.SetModulation(50), default)).Succeeded);
        clock.Advance(TimeSpan.FromHours(1));

        var reading = await driver.ReadAsync(default);

        Assert.Equal(HeatSourceStatus.Running, reading.Status);
        Assert.Equal(45, reading.FlowTemperature!.Value, 1);
        Assert.Equal(4000, reading.HeatWatts!.Value, 1);
        var cop = HeatPumpSource.Standard("reference").Cop(reading.FlowTemperature.Value, 7);
        // The pump reports its power in whole watts (a uint32 register).
        Assert.Equal(Math.Round(4000 / cop), reading.PowerWatts!.Value);
        Assert.Equal(cop, reading.Cop!.Value, 0.01);
        Assert.Equal(45, reading.Values["flow_setpoint"], 3);
    }

    [Fact]
    public async Task A_value_the_pump_does_not_accept_is_refused_with_its_exception()
    {
        var clock = new FakeTimeProvider();
        await using var pump = new SimulatedModbusHeatPump(clock);
        await using var driver = Driver(pump, clock);
        pump.Server.WriteFilter = (_, address, _) => address == 1 ? (byte)3 : null;

        var result = await driver.ApplyAsync(HeatSourceCommand.SetFlowSetpoint(50), default);

        Assert.Equal(HeatSourceCommandOutcome.Refused, result.Outcome);
        Assert.Equal("Modbus exception 3 (illegal data value) in reply to function 6 (WriteSingleRegister)", result.Reason);
    }

    [Fact]
    public async Task A_fault_code_reads_as_a_fault()
    {
        var clock = new FakeTimeProvider();
        await using var pump = new SimulatedModbusHeatPump(clock) { FaultCode = 17 };
        await using var driver = Driver(pump, clock);

        var reading = await driver.ReadAsync(default);

        Assert.Equal(HeatSourceStatus.Fault, reading.Status);
        Assert.Equal(["fault code 17"], reading.Errors);
    }

    private static ModbusHeatSourceDriver Driver(SimulatedModbusHeatPump pump, FakeTimeProvider clock) =>
        new("127.0.0.1", pump.Server.Port, null, ShippedRegisterMaps.Get("generic-heat-pump"),
            new HeatSourceDriverContext(clock, HeatSourceRig.Timeouts, NullLoggerFactory.Instance));
}
