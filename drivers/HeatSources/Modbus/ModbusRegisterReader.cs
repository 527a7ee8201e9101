using ProofOfHeat.Modbus;

namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>Reads every register of a map from a device, in as few requests as the map allows, and writes one register.</summary>
public sealed class ModbusRegisterReader
{
    private readonly ModbusTcpClient _client;
    private readonly byte _unit;
    private readonly IReadOnlyList<RegisterBlock> _blocks;

    /// <summary>Reads <paramref name="map"/> through <paramref name="client"/> from <paramref name="unit"/>.</summary>
    public ModbusRegisterReader(ModbusTcpClient client, RegisterMap map, byte unit)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(map);
        _client = client;
        _unit = unit;
        Map = map;
        _blocks = RegisterBlock.Plan(map.Registers);
    }

    /// <summary>The map read.</summary>
    public RegisterMap Map { get; }

    /// <summary>How many requests one <see cref="ReadAllAsync"/> sends.</summary>
    public int RequestsPerRead => _blocks.Count;

    /// <summary>Every register's value in its unit, by name.</summary>
    /// <exception cref="ModbusException">A read failed.</exception>
    public async Task<IReadOnlyDictionary<string, double>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, double>(Map.Registers.Count, StringComparer.Ordinal);
        foreach (var block in _blocks)
        {
            var words = await ReadBlockAsync(block, cancellationToken).ConfigureAwait(false);
            foreach (var register in block.Registers)
            {
                values[register.Name] = RegisterCodec.Decode(register, words.AsSpan(register.Address - block.Address, register.Width));
            }
        }

        return values;
    }

    /// <summary>Writes <paramref name="value"/> (in its unit) to <paramref name="register"/>; returns what was sent, in words.</summary>
    public async Task<string> WriteAsync(RegisterDefinition register, double value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(register);
        var words = RegisterCodec.Encode(register, value);
        switch (register.Table)
        {
            case RegisterTable.Coil:
                await _client.WriteSingleCoilAsync(_unit, register.Address, words[0] != 0, cancellationToken).ConfigureAwait(false);
                return $"write coil {register.Address} ({register.Name}) = {(words[0] != 0 ? "on" : "off")}";
            case RegisterTable.Holding when words.Length == 1:
                await _client.WriteSingleRegisterAsync(_unit, register.Address, words[0], cancellationToken).ConfigureAwait(false);
                return $"write holding {register.Address} ({register.Name}) = {words[0]}";
            case RegisterTable.Holding:
                await _client.WriteMultipleRegistersAsync(_unit, register.Address, words, cancellationToken).ConfigureAwait(false);
                return $"write holding {register.Address} ({register.Name}) = {string.Join(" ", words)}";
            default:
                throw new InvalidOperationException($"{register.Name} is in the read-only {register.Table} table.");
        }
    }

    private async Task<ushort[]> ReadBlockAsync(RegisterBlock block, CancellationToken cancellationToken) => block.Table switch
    {
        RegisterTable.Coil => Bits(await _client.ReadCoilsAsync(_unit, block.Address, block.Count, cancellationToken).ConfigureAwait(false)),
        RegisterTable.DiscreteInput => Bits(await _client.ReadDiscreteInputsAsync(_unit, block.Address, block.Count, cancellationToken).ConfigureAwait(false)),
        RegisterTable.Holding => await _client.ReadHoldingRegistersAsync(_unit, block.Address, block.Count, cancellationToken).ConfigureAwait(false),
        _ => await _client.ReadInputRegistersAsync(_unit, block.Address, block.Count, cancellationToken).ConfigureAwait(false),
    };

    private static ushort[] Bits(bool[] bits) => [.. bits.Select(b => b ? (ushort)1 : (ushort)0)];
}
