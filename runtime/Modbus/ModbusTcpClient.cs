namespace ProofOfHeat.Modbus;

/// <summary>
/// A Modbus TCP client for one server (which may front several units, e.g. a gateway): reads and writes of coils,
/// discrete inputs, holding and input registers. Requests are serialised; each is bounded by the reply timeout on the
/// injected clock. Failures are <see cref="ModbusException"/>s: <see cref="ModbusServerException"/> (an exception
/// reply), <see cref="ModbusTimeoutException"/>, <see cref="ModbusConnectionException"/>, <see cref="ModbusProtocolException"/>.
/// </summary>
/// <param name="options">Where the server is and the bounds to keep.</param>
/// <param name="time">The clock for timeouts and reconnect backoff.</param>
public sealed class ModbusTcpClient(ModbusClientOptions options, TimeProvider time) : IAsyncDisposable
{
    private readonly ModbusConnection _connection = new(options ?? throw new ArgumentNullException(nameof(options)), time ?? throw new ArgumentNullException(nameof(time)));

    /// <summary>Where the server is.</summary>
    public ModbusClientOptions Options { get; } = options;

    /// <summary>How many times a connection has been opened (a reconnect adds one).</summary>
    public int ConnectsOpened => _connection.ConnectsOpened;

    /// <summary>Reads <paramref name="quantity"/> coils from <paramref name="address"/> (function 1).</summary>
    public Task<bool[]> ReadCoilsAsync(byte unitId, ushort address, int quantity, CancellationToken cancellationToken) =>
        ReadBitsAsync(ModbusFunction.ReadCoils, unitId, address, quantity, cancellationToken);

    /// <summary>Reads <paramref name="quantity"/> discrete inputs from <paramref name="address"/> (function 2).</summary>
    public Task<bool[]> ReadDiscreteInputsAsync(byte unitId, ushort address, int quantity, CancellationToken cancellationToken) =>
        ReadBitsAsync(ModbusFunction.ReadDiscreteInputs, unitId, address, quantity, cancellationToken);

    /// <summary>Reads <paramref name="quantity"/> holding registers from <paramref name="address"/> (function 3).</summary>
    public Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort address, int quantity, CancellationToken cancellationToken) =>
        ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, unitId, address, quantity, cancellationToken);

    /// <summary>Reads <paramref name="quantity"/> input registers from <paramref name="address"/> (function 4).</summary>
    public Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort address, int quantity, CancellationToken cancellationToken) =>
        ReadRegistersAsync(ModbusFunction.ReadInputRegisters, unitId, address, quantity, cancellationToken);

    /// <summary>Sets or clears one coil (function 5).</summary>
    public Task WriteSingleCoilAsync(byte unitId, ushort address, bool value, CancellationToken cancellationToken) =>
        WriteAsync(unitId, ModbusPdu.WriteSingleCoil(address, value), cancellationToken);

    /// <summary>Writes one holding register (function 6).</summary>
    public Task WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken cancellationToken) =>
        WriteAsync(unitId, ModbusPdu.WriteSingleRegister(address, value), cancellationToken);

    /// <summary>Writes consecutive coils from <paramref name="address"/> (function 15).</summary>
    public Task WriteMultipleCoilsAsync(byte unitId, ushort address, IReadOnlyList<bool> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        return WriteAsync(unitId, ModbusPdu.WriteMultipleCoils(address, values), cancellationToken);
    }

    /// <summary>Writes consecutive holding registers from <paramref name="address"/> (function 16).</summary>
    public Task WriteMultipleRegistersAsync(byte unitId, ushort address, IReadOnlyList<ushort> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        return WriteAsync(unitId, ModbusPdu.WriteMultipleRegisters(address, values), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task<bool[]> ReadBitsAsync(ModbusFunction function, byte unitId, ushort address, int quantity, CancellationToken cancellationToken)
    {
        var reply = await _connection.ExchangeAsync(unitId, ModbusPdu.Read(function, address, quantity), cancellationToken).ConfigureAwait(false);
        return ModbusPdu.DecodeBits(reply, function, quantity);
    }

    private async Task<ushort[]> ReadRegistersAsync(ModbusFunction function, byte unitId, ushort address, int quantity, CancellationToken cancellationToken)
    {
        var reply = await _connection.ExchangeAsync(unitId, ModbusPdu.Read(function, address, quantity), cancellationToken).ConfigureAwait(false);
        return ModbusPdu.DecodeRegisters(reply, function, quantity);
    }

    private async Task WriteAsync(byte unitId, byte[] request, CancellationToken cancellationToken)
    {
        var reply = await _connection.ExchangeAsync(unitId, request, cancellationToken).ConfigureAwait(false);
        ModbusPdu.CheckWriteEcho(reply, request);
    }
}
