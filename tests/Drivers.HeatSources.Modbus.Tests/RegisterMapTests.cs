using ProofOfHeat.Modbus;
using ProofOfHeat.Sim.Modbus;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.HeatSources.Modbus.Tests;

public sealed class RegisterMapTests
{
    [Fact]
    public void The_shipped_maps_load()
    {
        Assert.Equal(["eastron-sdm630", "generic-heat-pump"], ShippedRegisterMaps.Names);
        var pump = ShippedRegisterMaps.Get("generic-heat-pump");
        var meter = ShippedRegisterMaps.Get("eastron-sdm630");

        Assert.Equal(TimeSpan.FromMinutes(20), pump.MinimumOnTime);
        Assert.Equal((20, 55), pump.FlowSetpointRange);
        Assert.Equal(WordOrder.LowFirst, pump.ByRole(RegisterRole.Heat)!.WordOrder);
        Assert.Equal("running", pump.ByRole(RegisterRole.Status)!.Values[2]);
        Assert.Equal(52, meter.ByRole(RegisterRole.Power)!.Address);
    }

    [Fact]
    public void A_broken_map_reports_every_problem_at_its_file_line_and_column()
    {
        const string yaml = """
            name: mine
            registers:
              - {name: flow, table: holdng, address: 1, type: int16}
              - {name: power, table: input, address: 70000, type: float32}
              - {name: on, table: input, address: 2, type: uint16, access: read-write, colour: red}
            """;

        var error = Assert.Throws<RegisterMapException>(() => RegisterMapReader.Parse("my-pump.yaml", yaml));

        Assert.Equal(
            [
                "my-pump.yaml:3:25: registers[0].table: `holdng` is not known. Use one of: coil, discrete_input, holding, input.",
                "my-pump.yaml:4:42: registers[1].address: `70000` is not a number from 0 to 65535. Write a plain number.",
                "my-pump.yaml:5:76: registers[2].colour: is not a key of a register map. Use one of: name, table, address, type, scale, word_order, unit, access, role, values.",
                "my-pump.yaml:5:5: registers[2].access: the Input table is read-only. Use `access: read`, or the holding/coil table for a writable value.",
            ],
            error.Errors);
    }

    [Theory]
    [InlineData(RegisterType.Signed16, WordOrder.HighFirst, 0.1, -12.5)]
    [InlineData(RegisterType.Unsigned32, WordOrder.HighFirst, 1, 100_000)]
    [InlineData(RegisterType.Signed32, WordOrder.LowFirst, 1, -100_000)]
    [InlineData(RegisterType.IeeeSingle, WordOrder.LowFirst, 1, 3.25)]
    public void Values_round_trip_through_their_registers(RegisterType type, WordOrder order, double scale, double value)
    {
        var register = new RegisterDefinition { Name = "x", Table = RegisterTable.Holding, Address = 0, Type = type, WordOrder = order, Scale = scale };

        Assert.Equal(value, RegisterCodec.Decode(register, RegisterCodec.Encode(register, value)), 6);
    }

    [Fact]
    public void A_float_high_word_first_is_laid_out_as_eastron_does()
    {
        var register = new RegisterDefinition { Name = "v", Table = RegisterTable.Input, Address = 0, Type = RegisterType.IeeeSingle };

        // 230.0f is 0x43660000: the high word 0x4366 at the lower address.
        Assert.Equal(new ushort[] { 0x4366, 0x0000 }, RegisterCodec.Encode(register, 230));
    }

    [Fact]
    public async Task The_sdm630_map_reads_the_simulated_meter_in_three_requests()
    {
        var clock = new FakeTimeProvider();
        await using var meter = new SimulatedSdm630Meter(clock, loadWatts: 9000);
        await using var client = new ModbusTcpClient(new ModbusClientOptions { Host = "127.0.0.1", Port = meter.Server.Port }, clock);
        var reader = new ModbusRegisterReader(client, ShippedRegisterMaps.Get("eastron-sdm630"), SimulatedSdm630Meter.UnitId);

        var values = await reader.ReadAllAsync(default);

        Assert.Equal(3, reader.RequestsPerRead);
        Assert.Equal(3, meter.Server.Requests);
        Assert.Equal(9000, values["total_power"], 1);
        Assert.Equal(3000, values["l2_power"], 1);
        Assert.Equal(230, values["l1_voltage"], 3);
        Assert.Equal(50, values["frequency"], 3);
    }
}
