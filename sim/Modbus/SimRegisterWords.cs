namespace ProofOfHeat.Sim.Modbus;

/// <summary>
/// Numbers as register words, the way devices lay them out: 32-bit values in two registers, the high word first
/// ("big-endian", ABCD) unless a device swaps them (CDAB). Each word is itself big-endian on the wire (V1.1b3 §4.2).
/// </summary>
public static class SimRegisterWords
{
    /// <summary>A signed 16-bit value, e.g. a temperature in tenths of a degree.</summary>
    public static ushort FromSigned16(double value) => unchecked((ushort)(short)Math.Round(value));

    /// <summary>An unsigned 32-bit value in two words.</summary>
    public static ushort[] FromUnsigned32(uint value, bool lowWordFirst = false) =>
        Order((ushort)(value >> 16), (ushort)value, lowWordFirst);

    /// <summary>An IEEE 754 single in two words.</summary>
    public static ushort[] FromSingle(float value, bool lowWordFirst = false) =>
        FromUnsigned32(BitConverter.SingleToUInt32Bits(value), lowWordFirst);

    private static ushort[] Order(ushort high, ushort low, bool lowWordFirst) => lowWordFirst ? [low, high] : [high, low];
}
