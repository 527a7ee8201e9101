namespace ProofOfHeat.Sim.Modbus;

/// <summary>The four Modbus data tables (Modbus Application Protocol Specification V1.1b3, §4.3 "MODBUS Data model").</summary>
public enum SimModbusTable
{
    /// <summary>Single bits, read/write.</summary>
    Coils,

    /// <summary>Single bits, read-only.</summary>
    DiscreteInputs,

    /// <summary>16-bit words, read/write.</summary>
    HoldingRegisters,

    /// <summary>16-bit words, read-only.</summary>
    InputRegisters,
}
