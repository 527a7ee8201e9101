namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>Which Modbus table a register lives in, and so which function codes read and write it (V1.1b3 §4.3).</summary>
public enum RegisterTable
{
    /// <summary>Read/write bits: read with function 1, written with 5.</summary>
    Coil,

    /// <summary>Read-only bits: read with function 2.</summary>
    DiscreteInput,

    /// <summary>Read/write words: read with function 3, written with 6 (one word) or 16 (two).</summary>
    Holding,

    /// <summary>Read-only words: read with function 4.</summary>
    Input,
}
