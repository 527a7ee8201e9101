using ProofOfHeat.TestKit.Net;

namespace ProofOfHeat.Modbus.Tests;

/// <summary>
/// The client against an independent implementation, npm modbus-serial's ServerTCP: every function code, an exception
/// reply, and a server that goes away and comes back. Real time only bounds the healthy path, generously (60 s).
/// </summary>
public sealed class ModbusSerialPeerTests
{
    private static ModbusTcpClient Client(int port) => new(
        new ModbusClientOptions { Host = "127.0.0.1", Port = port, ConnectTimeout = TimeSpan.FromSeconds(60), ReplyTimeout = TimeSpan.FromSeconds(60), ReconnectBackoff = TimeSpan.Zero },
        TimeProvider.System);

    [Fact]
    public async Task Every_function_code_works_against_modbus_serial()
    {
        await using var server = await ModbusSerialServer.StartAsync(LoopbackPort.Unused());
        await using var client = Client(server.Port);

        Assert.Equal(new ushort[] { 0, 10, 20 }, await client.ReadHoldingRegistersAsync(1, 0, 3, default));
        Assert.Equal(new ushort[] { 1005, 1006 }, await client.ReadInputRegistersAsync(1, 5, 2, default));
        Assert.Equal(new bool[] { true, false, false, true }, await client.ReadDiscreteInputsAsync(1, 0, 4, default));

        await client.WriteSingleRegisterAsync(1, 4, 4242, default);
        await client.WriteMultipleRegistersAsync(1, 10, [1, 2, 0xFFFF], default);
        await client.WriteSingleCoilAsync(1, 2, true, default);
        await client.WriteMultipleCoilsAsync(1, 8, [true, true, false, true], default);

        Assert.Equal(new ushort[] { 4242 }, await client.ReadHoldingRegistersAsync(1, 4, 1, default));
        Assert.Equal(new ushort[] { 1, 2, 0xFFFF }, await client.ReadHoldingRegistersAsync(1, 10, 3, default));
        Assert.Equal(new bool[] { false, false, true, false, false, false, false, false, true, true, false, true }, await client.ReadCoilsAsync(1, 0, 12, default));
        Assert.Equal(1, client.ConnectsOpened);
    }

    [Fact]
    public async Task An_exception_reply_from_modbus_serial_is_a_typed_error()
    {
        await using var server = await ModbusSerialServer.StartAsync(LoopbackPort.Unused());
        await using var client = Client(server.Port);

        var error = await Assert.ThrowsAsync<ModbusServerException>(() => client.ReadHoldingRegistersAsync(1, 99, 2, default));

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error.Code);
        Assert.Equal(new ushort[] { 10 }, await client.ReadHoldingRegistersAsync(1, 1, 1, default));
    }

    [Fact]
    public async Task A_server_that_drops_the_connection_is_a_connection_error_and_the_client_reconnects_when_it_is_back()
    {
        var port = LoopbackPort.Unused();
        await using var client = Client(port);
        await using (var first = await ModbusSerialServer.StartAsync(port))
        {
            Assert.Equal(new ushort[] { 0 }, await client.ReadHoldingRegistersAsync(1, 0, 1, default));
        }

        await Assert.ThrowsAnyAsync<ModbusException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, default));
        await using var second = await ModbusSerialServer.StartAsync(port);

        Assert.Equal(new ushort[] { 30 }, await client.ReadHoldingRegistersAsync(1, 3, 1, default));
        Assert.Equal(2, client.ConnectsOpened);
    }
}
