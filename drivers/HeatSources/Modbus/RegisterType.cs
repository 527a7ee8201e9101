namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>How a register's words hold a number (YAML: <c>bool</c>, <c>int16</c>, <c>uint16</c>, <c>int32</c>, <c>uint32</c>, <c>float32</c>).</summary>
public enum RegisterType
{
    /// <summary>One bit (coils and discrete inputs).</summary>
    Bit,

    /// <summary>One word, two's complement.</summary>
    Signed16,

    /// <summary>One word, unsigned.</summary>
    Unsigned16,

    /// <summary>Two words, two's complement.</summary>
    Signed32,

    /// <summary>Two words, unsigned.</summary>
    Unsigned32,

    /// <summary>Two words, an IEEE 754 single.</summary>
    IeeeSingle,
}
