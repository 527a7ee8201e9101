namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>One named value in a register map.</summary>
public sealed record RegisterDefinition
{
    /// <summary>Its name (snake_case), as readings and probes report it.</summary>
    public required string Name { get; init; }

    /// <summary>The table it lives in.</summary>
    public required RegisterTable Table { get; init; }

    /// <summary>Its 0-based PDU address (register "40002" of the manuals is holding address 1; V1.1b3 §4.4).</summary>
    public required ushort Address { get; init; }

    /// <summary>How its words hold the number.</summary>
    public required RegisterType Type { get; init; }

    /// <summary>The value in its unit is the raw number times this (0.1 for tenths of a degree).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>The word order of a 32-bit value.</summary>
    public WordOrder WordOrder { get; init; } = WordOrder.HighFirst;

    /// <summary>Its unit (°C, W, kWh, %), for people.</summary>
    public string? Unit { get; init; }

    /// <summary>Whether it may be written.</summary>
    public bool Writable { get; init; }

    /// <summary>What it means to the driver, if anything.</summary>
    public RegisterRole? Role { get; init; }

    /// <summary>Names of its raw values (a status register's 0 = off …).</summary>
    public IReadOnlyDictionary<int, string> Values { get; init; } = new Dictionary<int, string>();

    /// <summary>How many registers (or bits) it spans.</summary>
    public int Width => Type is RegisterType.Signed32 or RegisterType.Unsigned32 or RegisterType.IeeeSingle ? 2 : 1;
}
