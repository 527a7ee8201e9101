using System.Buffers.Binary;

namespace ProofOfHeat.Modbus;

/// <summary>
/// Request PDUs and the decoding of their replies, pure (Modbus Application Protocol Specification V1.1b3, §6.1–6.12).
/// Addresses are the 0-based PDU addresses (§4.4: register "40001" is address 0 of the holding registers).
/// </summary>
internal static class ModbusPdu
{
    /// <summary>Most bits one read may ask for (§6.1, §6.2: 1 to 2000 = 0x7D0).</summary>
    public const int MaximumReadBits = 2000;

    /// <summary>Most registers one read may ask for (§6.3, §6.4: 1 to 125 = 0x7D).</summary>
    public const int MaximumReadRegisters = 125;

    /// <summary>Most bits one write may carry (§6.11: 1 to 1968 = 0x7B0).</summary>
    public const int MaximumWriteBits = 1968;

    /// <summary>Most registers one write may carry (§6.12: 1 to 123 = 0x7B).</summary>
    public const int MaximumWriteRegisters = 123;

    /// <summary>A read request: function, starting address, quantity (§6.1–6.4).</summary>
    public static byte[] Read(ModbusFunction function, ushort address, int quantity)
    {
        var limit = function is ModbusFunction.ReadCoils or ModbusFunction.ReadDiscreteInputs ? MaximumReadBits : MaximumReadRegisters;
        Quantity(quantity, limit);
        var pdu = new byte[5];
        pdu[0] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), (ushort)quantity);
        return pdu;
    }

    /// <summary>Write Single Coil: 0xFF00 for on, 0x0000 for off (§6.5).</summary>
    public static byte[] WriteSingleCoil(ushort address, bool value) => AddressAndWord(ModbusFunction.WriteSingleCoil, address, value ? (ushort)0xFF00 : (ushort)0x0000);

    /// <summary>Write Single Register (§6.6).</summary>
    public static byte[] WriteSingleRegister(ushort address, ushort value) => AddressAndWord(ModbusFunction.WriteSingleRegister, address, value);

    /// <summary>Write Multiple Coils: address, quantity, byte count, bits packed first-coil-in-the-lowest-bit (§6.11).</summary>
    public static byte[] WriteMultipleCoils(ushort address, IReadOnlyList<bool> values)
    {
        Quantity(values.Count, MaximumWriteBits);
        var bytes = (values.Count + 7) / 8;
        var pdu = new byte[6 + bytes];
        pdu[0] = (byte)ModbusFunction.WriteMultipleCoils;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), (ushort)values.Count);
        pdu[5] = (byte)bytes;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i])
            {
                pdu[6 + (i / 8)] |= (byte)(1 << (i % 8));
            }
        }

        return pdu;
    }

    /// <summary>Write Multiple Registers: address, quantity, byte count, the words big-endian (§6.12).</summary>
    public static byte[] WriteMultipleRegisters(ushort address, IReadOnlyList<ushort> values)
    {
        Quantity(values.Count, MaximumWriteRegisters);
        var pdu = new byte[6 + (2 * values.Count)];
        pdu[0] = (byte)ModbusFunction.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), (ushort)values.Count);
        pdu[5] = (byte)(2 * values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(6 + (2 * i)), values[i]);
        }

        return pdu;
    }

    /// <summary>
    /// Checks a reply's function code against the request's: an exception response (the function code with its high
    /// bit set, then one exception code, §7) becomes a <see cref="ModbusServerException"/>.
    /// </summary>
    public static void CheckFunction(ReadOnlySpan<byte> reply, ModbusFunction function)
    {
        if (reply.Length >= 2 && reply[0] == ((byte)function | 0x80))
        {
            throw new ModbusServerException(function, (ModbusExceptionCode)reply[1]);
        }

        if (reply.IsEmpty || reply[0] != (byte)function)
        {
            throw new ModbusProtocolException($"reply function {(reply.IsEmpty ? "none" : reply[0].ToString(System.Globalization.CultureInfo.InvariantCulture))} to a request for function {(byte)function}");
        }
    }

    /// <summary>The bits of a Read Coils / Read Discrete Inputs reply: byte count, then bits first-in-the-lowest-bit (§6.1).</summary>
    public static bool[] DecodeBits(ReadOnlySpan<byte> reply, ModbusFunction function, int quantity)
    {
        CheckFunction(reply, function);
        var bytes = (quantity + 7) / 8;
        if (reply.Length != 2 + bytes || reply[1] != bytes)
        {
            throw new ModbusProtocolException($"a reply for {quantity} bits carries {reply.Length - 1} bytes, byte count {(reply.Length > 1 ? reply[1] : 0)}");
        }

        var bits = new bool[quantity];
        for (var i = 0; i < quantity; i++)
        {
            bits[i] = (reply[2 + (i / 8)] & (1 << (i % 8))) != 0;
        }

        return bits;
    }

    /// <summary>The words of a Read Holding / Input Registers reply: byte count, then two bytes per register, high first (§6.3).</summary>
    public static ushort[] DecodeRegisters(ReadOnlySpan<byte> reply, ModbusFunction function, int quantity)
    {
        CheckFunction(reply, function);
        if (reply.Length != 2 + (2 * quantity) || reply[1] != 2 * quantity)
        {
            throw new ModbusProtocolException($"a reply for {quantity} registers carries {reply.Length - 1} bytes, byte count {(reply.Length > 1 ? reply[1] : 0)}");
        }

        var words = new ushort[quantity];
        for (var i = 0; i < quantity; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt16BigEndian(reply[(2 + (2 * i))..]);
        }

        return words;
    }

    /// <summary>A write's reply: single writes echo the request (§6.5, §6.6); multiple writes echo address and quantity (§6.11, §6.12).</summary>
    public static void CheckWriteEcho(ReadOnlySpan<byte> reply, ReadOnlySpan<byte> request)
    {
        CheckFunction(reply, (ModbusFunction)request[0]);
        if (reply.Length != 5 || !reply.SequenceEqual(request[..5]))
        {
            throw new ModbusProtocolException($"the write's reply does not echo its address and value/quantity ({Convert.ToHexString(reply)})");
        }
    }

    private static byte[] AddressAndWord(ModbusFunction function, ushort address, ushort word)
    {
        var pdu = new byte[5];
        pdu[0] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), word);
        return pdu;
    }

    private static void Quantity(int quantity, int limit)
    {
        if (quantity < 1 || quantity > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"One request carries 1–{limit} items.");
        }
    }
}
