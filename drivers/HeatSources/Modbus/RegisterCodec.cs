namespace ProofOfHeat.Drivers.HeatSources.Modbus;

/// <summary>Turns a register's words into its value in its unit and back (type, word order, scale).</summary>
public static class RegisterCodec
{
    /// <summary>The value of <paramref name="register"/> from its words (or a bit as 0/1), scaled.</summary>
    public static double Decode(RegisterDefinition register, ReadOnlySpan<ushort> words)
    {
        ArgumentNullException.ThrowIfNull(register);
        var raw = register.Type switch
        {
            RegisterType.Bit or RegisterType.Unsigned16 => words[0],
            RegisterType.Signed16 => unchecked((short)words[0]),
            RegisterType.Unsigned32 => Join(register, words),
            RegisterType.Signed32 => unchecked((int)Join(register, words)),
            _ => BitConverter.UInt32BitsToSingle(Join(register, words)),
        };
        return raw * register.Scale;
    }

    /// <summary>The words that write <paramref name="value"/> (in the register's unit) to <paramref name="register"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit the register's type.</exception>
    public static ushort[] Encode(RegisterDefinition register, double value)
    {
        ArgumentNullException.ThrowIfNull(register);
        var raw = register.Scale == 0 ? value : value / register.Scale;
        var whole = Math.Round(raw);
        return register.Type switch
        {
            RegisterType.Bit => [whole != 0 ? (ushort)1 : (ushort)0],
            RegisterType.Unsigned16 when whole is >= ushort.MinValue and <= ushort.MaxValue => [(ushort)whole],
            RegisterType.Signed16 when whole is >= short.MinValue and <= short.MaxValue => [unchecked((ushort)(short)whole)],
            RegisterType.Unsigned32 when whole is >= uint.MinValue and <= uint.MaxValue => Split(register, (uint)whole),
            RegisterType.Signed32 when whole is >= int.MinValue and <= int.MaxValue => Split(register, unchecked((uint)(int)whole)),
            RegisterType.IeeeSingle => Split(register, BitConverter.SingleToUInt32Bits((float)raw)),
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, $"{register.Name} ({register.Type}) cannot hold {value}"),
        };
    }

    private static uint Join(RegisterDefinition register, ReadOnlySpan<ushort> words) => register.WordOrder == WordOrder.HighFirst
        ? ((uint)words[0] << 16) | words[1]
        : ((uint)words[1] << 16) | words[0];

    private static ushort[] Split(RegisterDefinition register, uint value) => register.WordOrder == WordOrder.HighFirst
        ? [(ushort)(value >> 16), (ushort)value]
        : [(ushort)value, (ushort)(value >> 16)];
}
