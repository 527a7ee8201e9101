namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>
/// The order of a 32-bit value's two registers. Modbus fixes the byte order inside a word (big-endian, V1.1b3 §4.2)
/// but not the order of words, so devices differ (YAML: <c>high-first</c>/<c>ABCD</c> or <c>low-first</c>/<c>CDAB</c>).
/// </summary>
public enum WordOrder
{
    /// <summary>The high word at the lower address (ABCD), e.g. Eastron meters.</summary>
    HighFirst,

    /// <summary>The low word at the lower address (CDAB).</summary>
    LowFirst,
}
