namespace ProofOfHeat.Sim.Modbus;

/// <summary>
/// A device's data tables, sparse: only the addresses the device defines exist, and a request touching any other is
/// refused with exception 2 (illegal data address), as real devices do. Thread-safe.
/// </summary>
public sealed class SimModbusRegisterBank
{
    private readonly object _gate = new();
    private readonly Dictionary<(SimModbusTable, ushort), ushort> _values = [];

    /// <summary>Defines (or sets) one word or bit (bits are 0 or 1).</summary>
    public void Set(SimModbusTable table, ushort address, ushort value)
    {
        lock (_gate)
        {
            _values[(table, address)] = table is SimModbusTable.Coils or SimModbusTable.DiscreteInputs ? (ushort)(value != 0 ? 1 : 0) : value;
        }
    }

    /// <summary>Defines (or sets) consecutive words from <paramref name="address"/>.</summary>
    public void Set(SimModbusTable table, ushort address, ReadOnlySpan<ushort> words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            Set(table, (ushort)(address + i), words[i]);
        }
    }

    /// <summary>One word or bit; throws <see cref="KeyNotFoundException"/> for an address the device does not define.</summary>
    public ushort Get(SimModbusTable table, ushort address)
    {
        lock (_gate)
        {
            return _values[(table, address)];
        }
    }

    /// <summary>Reads <paramref name="count"/> items, or null when any address is not defined.</summary>
    internal ushort[]? TryRead(SimModbusTable table, ushort address, int count)
    {
        lock (_gate)
        {
            var words = new ushort[count];
            for (var i = 0; i < count; i++)
            {
                if (address + i > ushort.MaxValue || !_values.TryGetValue((table, (ushort)(address + i)), out words[i]))
                {
                    return null;
                }
            }

            return words;
        }
    }

    /// <summary>Whether every address in the range is defined.</summary>
    internal bool Defines(SimModbusTable table, ushort address, int count)
    {
        lock (_gate)
        {
            return Enumerable.Range(address, count).All(a => a <= ushort.MaxValue && _values.ContainsKey((table, (ushort)a)));
        }
    }
}
