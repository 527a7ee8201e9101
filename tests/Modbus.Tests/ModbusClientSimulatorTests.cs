using ProofOfHeat.Sim.Modbus;
using ProofOfHeat.TestKit.Net;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Modbus.Tests;

/// <summary>
/// The client against our simulated device, on fake time: the healthy path never waits on the clock, and every
/// timeout, backoff and late reply happens because the test moves the clock, never because the machine was slow.
/// </summary>
public sealed class ModbusClientSimulatorTests : IAsyncLifetime
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(3);
    private readonly FakeTimeProvider _clock = new();
    private readonly SimModbusRegisterBank _bank = new();
    private SimModbusServer _server = null!;
    private ModbusTcpClient _client = null!;

    public Task InitializeAsync()
    {
        _bank.Set(SimModbusTable.Coils, 0, new ushort[16]);
        _bank.Set(SimModbusTable.DiscreteInputs, 0, [1, 0, 1, 1]);
        _bank.Set(SimModbusTable.HoldingRegisters, 0, [10, 20, 30, 40]);
        _bank.Set(SimModbusTable.InputRegisters, 0, [1000, 1001, 1002]);
        _server = new SimModbusServer(new Dictionary<byte, SimModbusRegisterBank> { [1] = _bank, [7] = new SimModbusRegisterBank() });
        _client = Client(_server.Port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Every_function_code_reads_and_writes_the_devices_tables()
    {
        await _client.WriteSingleCoilAsync(1, 3, true, default);
        await _client.WriteMultipleCoilsAsync(1, 8, [true, false, true], default);
        await _client.WriteSingleRegisterAsync(1, 1, 450, default);
        await _client.WriteMultipleRegistersAsync(1, 2, [0xFFFF, 7], default);

        var coils = await _client.ReadCoilsAsync(1, 0, 11, default);
        Assert.Equal([false, false, false, true, false, false, false, false, true, false, true], coils);
        Assert.Equal(new bool[] { true, false, true, true }, await _client.ReadDiscreteInputsAsync(1, 0, 4, default));
        Assert.Equal(new ushort[] { 10, 450, 0xFFFF, 7 }, await _client.ReadHoldingRegistersAsync(1, 0, 4, default));
        Assert.Equal(new ushort[] { 1001, 1002 }, await _client.ReadInputRegistersAsync(1, 1, 2, default));
        Assert.Equal(1, _client.ConnectsOpened);
    }

    [Fact]
    public async Task Exception_replies_are_typed_errors_and_the_connection_stays()
    {
        var address = await Assert.ThrowsAsync<ModbusServerException>(() => _client.ReadHoldingRegistersAsync(1, 3, 2, default));
        var emptyUnit = await Assert.ThrowsAsync<ModbusServerException>(() => _client.ReadHoldingRegistersAsync(7, 0, 1, default));
        var noSuchUnit = await Assert.ThrowsAsync<ModbusServerException>(() => _client.ReadHoldingRegistersAsync(9, 0, 1, default));
        _server.Faults.RefuseWritesWith = 6;
        var busy = await Assert.ThrowsAsync<ModbusServerException>(() => _client.WriteSingleRegisterAsync(1, 0, 1, default));

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, address.Code);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, emptyUnit.Code);
        Assert.Equal(ModbusExceptionCode.GatewayTargetDeviceFailedToRespond, noSuchUnit.Code);
        Assert.Equal(ModbusExceptionCode.ServerDeviceBusy, busy.Code);
        Assert.Equal(ModbusFunction.WriteSingleRegister, busy.Function);
        Assert.Equal(1, _client.ConnectsOpened);
    }

    [Fact]
    public async Task A_silent_device_times_out_on_the_clients_clock_and_the_next_request_reconnects()
    {
        _server.Faults.Silent = true;
        var read = _client.ReadHoldingRegistersAsync(1, 0, 1, default);
        await Until.TrueAsync(() => _server.Requests == 1, "the request to arrive");

        _clock.Advance(ReplyTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(read.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var timeout = await Assert.ThrowsAsync<ModbusTimeoutException>(() => read);
        _server.Faults.Silent = false;

        Assert.Contains("within 3 s", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(new ushort[] { 10 }, await _client.ReadHoldingRegistersAsync(1, 0, 1, default));
        Assert.Equal(2, _client.ConnectsOpened);
    }

    [Fact]
    public async Task A_slow_reply_within_the_timeout_is_taken_and_a_late_one_is_not()
    {
        _server.Faults.HoldReplies();
        var slow = _client.ReadHoldingRegistersAsync(1, 0, 1, default);
        await Until.TrueAsync(() => _server.Requests == 1, "the first request");
        _clock.Advance(ReplyTimeout - TimeSpan.FromSeconds(1));
        _server.Faults.ReleaseReplies();
        Assert.Equal(new ushort[] { 10 }, await slow);

        _server.Faults.HoldReplies();
        var late = _client.ReadHoldingRegistersAsync(1, 1, 1, default);
        await Until.TrueAsync(() => _server.Requests == 2, "the second request");
        _clock.Advance(ReplyTimeout);
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => late);
        _server.Faults.ReleaseReplies(); // the late reply goes to a connection the client has dropped

        Assert.Equal(new ushort[] { 30 }, await _client.ReadHoldingRegistersAsync(1, 2, 1, default));
    }

    [Fact]
    public async Task A_stale_reply_with_an_earlier_transaction_id_is_skipped()
    {
        Assert.Equal(new ushort[] { 10 }, await _client.ReadHoldingRegistersAsync(1, 0, 1, default));
        _server.Faults.StaleReplyFirst = true;

        Assert.Equal(new ushort[] { 20 }, await _client.ReadHoldingRegistersAsync(1, 1, 1, default));
        Assert.Equal(new ushort[] { 1000 }, await _client.ReadInputRegistersAsync(1, 0, 1, default));
        Assert.Equal(1, _client.ConnectsOpened);
    }

    [Fact]
    public async Task A_dropped_connection_is_a_connection_error_and_the_next_request_reconnects()
    {
        await _client.ReadHoldingRegistersAsync(1, 0, 1, default);
        _server.Faults.DropNextRequest = true;

        await Assert.ThrowsAsync<ModbusConnectionException>(() => _client.ReadHoldingRegistersAsync(1, 0, 1, default));
        Assert.Equal(new ushort[] { 20 }, await _client.ReadHoldingRegistersAsync(1, 1, 1, default));
        Assert.Equal(2, _client.ConnectsOpened);
    }

    [Fact]
    public async Task Garbage_is_a_protocol_error_and_the_connection_is_replaced()
    {
        _server.Faults.Garbage = true;
        await Assert.ThrowsAsync<ModbusProtocolException>(() => _client.ReadHoldingRegistersAsync(1, 0, 1, default));
        _server.Faults.Garbage = false;

        Assert.Equal(new ushort[] { 10 }, await _client.ReadHoldingRegistersAsync(1, 0, 1, default));
        Assert.Equal(2, _client.ConnectsOpened);
    }

    [Fact]
    public async Task Failed_connects_back_off_doubling_on_the_clients_clock()
    {
        await using var client = Client(LoopbackPort.Unused());

        await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadCoilsAsync(1, 0, 1, default));
        var waiting = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadCoilsAsync(1, 0, 1, default));
        Assert.Contains("not reconnecting", waiting.Message, StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadCoilsAsync(1, 0, 1, default));
        Assert.Contains("cannot connect", second.Message, StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("not reconnecting", (await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadCoilsAsync(1, 0, 1, default))).Message, StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("cannot connect", (await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadCoilsAsync(1, 0, 1, default))).Message, StringComparison.Ordinal);
    }

    private ModbusTcpClient Client(int port) => new(
        new ModbusClientOptions { Host = "127.0.0.1", Port = port, ConnectTimeout = TimeSpan.FromHours(1), ReplyTimeout = ReplyTimeout },
        _clock);
}
