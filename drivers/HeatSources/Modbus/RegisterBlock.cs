namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>Registers read with one request: the same table, contiguous addresses, within one request's limit.</summary>
/// <param name="Table">The table.</param>
/// <param name="Address">The first address.</param>
/// <param name="Count">How many registers (or bits).</param>
/// <param name="Registers">The definitions it covers.</param>
internal sealed record RegisterBlock(RegisterTable Table, ushort Address, int Count, IReadOnlyList<RegisterDefinition> Registers)
{
    // One read carries at most 125 registers (V1.1b3 §6.3) or 2000 bits (§6.1); gaps are never bridged, because a
    // strict device refuses a read that touches an address it does not have (exception 2).
    private const int MaximumRegisters = 125;

    /// <summary>The fewest reads that cover <paramref name="registers"/>.</summary>
    public static IReadOnlyList<RegisterBlock> Plan(IEnumerable<RegisterDefinition> registers)
    {
        var blocks = new List<RegisterBlock>();
        foreach (var table in registers.GroupBy(r => r.Table))
        {
            var current = new List<RegisterDefinition>();
            var start = 0;
            var end = 0;
            foreach (var register in table.OrderBy(r => r.Address))
            {
                if (current.Count > 0 && (register.Address > end || register.Address + register.Width - start > MaximumRegisters))
                {
                    blocks.Add(new RegisterBlock(table.Key, (ushort)start, end - start, current));
                    current = [];
                }

                if (current.Count == 0)
                {
                    start = register.Address;
                    end = register.Address;
                }

                current.Add(register);
                end = Math.Max(end, register.Address + register.Width);
            }

            if (current.Count > 0)
            {
                blocks.Add(new RegisterBlock(table.Key, (ushort)start, end - start, current));
            }
        }

        return blocks;
    }
}
