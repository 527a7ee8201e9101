using System.Buffers.Binary;

namespace ProofOfHeat.Sim.Modbus;

/// <summary>Answers one request PDU from a register bank (Modbus Application Protocol Specification V1.1b3, §6.1–6.12 and §7).</summary>
internal sealed class SimModbusRequestHandler(SimModbusRegisterBank bank, SimModbusServer server)
{
    public byte[] Handle(byte[] pdu)
    {
        var function = pdu[0];
        var address = BinaryPrimitives.ReadUInt16BigEndian(pdu.AsSpan(1));
        var word = BinaryPrimitives.ReadUInt16BigEndian(pdu.AsSpan(3));
        return function switch
        {
            1 => ReadBits(function, SimModbusTable.Coils, address, word),
            2 => ReadBits(function, SimModbusTable.DiscreteInputs, address, word),
            3 => ReadWords(function, SimModbusTable.HoldingRegisters, address, word),
            4 => ReadWords(function, SimModbusTable.InputRegisters, address, word),
            // §6.5: a coil is written with 0xFF00 (on) or 0x0000 (off); any other value is illegal.
            5 when word is not (0xFF00 or 0x0000) => SimModbusServer.Exception(function, 0x03),
            5 => Write(pdu, SimModbusTable.Coils, address, [(ushort)(word == 0xFF00 ? 1 : 0)], pdu[..5]),
            6 => Write(pdu, SimModbusTable.HoldingRegisters, address, [word], pdu[..5]),
            15 => WriteCoils(pdu, address, word),
            16 => WriteRegisters(pdu, address, word),
            _ => SimModbusServer.Exception(function, 0x01),
        };
    }

    // §6.1/6.2: quantity 1–2000, else exception 3; addresses not defined, exception 2; bits packed lowest first.
    private byte[] ReadBits(byte function, SimModbusTable table, ushort address, int quantity)
    {
        if (quantity is < 1 or > 2000)
        {
            return SimModbusServer.Exception(function, 0x03);
        }

        if (bank.TryRead(table, address, quantity) is not { } bits)
        {
            return SimModbusServer.Exception(function, 0x02);
        }

        var bytes = (quantity + 7) / 8;
        var reply = new byte[2 + bytes];
        reply[0] = function;
        reply[1] = (byte)bytes;
        for (var i = 0; i < quantity; i++)
        {
            if (bits[i] != 0)
            {
                reply[2 + (i / 8)] |= (byte)(1 << (i % 8));
            }
        }

        return reply;
    }

    // §6.3/6.4: quantity 1–125, else exception 3; two bytes per register, high byte first.
    private byte[] ReadWords(byte function, SimModbusTable table, ushort address, int quantity)
    {
        if (quantity is < 1 or > 125)
        {
            return SimModbusServer.Exception(function, 0x03);
        }

        if (bank.TryRead(table, address, quantity) is not { } words)
        {
            return SimModbusServer.Exception(function, 0x02);
        }

        var reply = new byte[2 + (2 * quantity)];
        reply[0] = function;
        reply[1] = (byte)(2 * quantity);
        for (var i = 0; i < quantity; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(2 + (2 * i)), words[i]);
        }

        return reply;
    }

    // §6.11: quantity 1–1968 and a byte count of ceil(quantity / 8), else exception 3.
    private byte[] WriteCoils(byte[] pdu, ushort address, int quantity)
    {
        if (quantity is < 1 or > 1968 || pdu.Length < 6 || pdu[5] != (quantity + 7) / 8 || pdu.Length != 6 + pdu[5])
        {
            return SimModbusServer.Exception(pdu[0], 0x03);
        }

        var bits = Enumerable.Range(0, quantity).Select(i => (ushort)((pdu[6 + (i / 8)] >> (i % 8)) & 1)).ToArray();
        return Write(pdu, SimModbusTable.Coils, address, bits, pdu[..5]);
    }

    // §6.12: quantity 1–123 and a byte count of twice that, else exception 3.
    private byte[] WriteRegisters(byte[] pdu, ushort address, int quantity)
    {
        if (quantity is < 1 or > 123 || pdu.Length < 6 || pdu[5] != 2 * quantity || pdu.Length != 6 + pdu[5])
        {
            return SimModbusServer.Exception(pdu[0], 0x03);
        }

        var words = Enumerable.Range(0, quantity).Select(i => BinaryPrimitives.ReadUInt16BigEndian(pdu.AsSpan(6 + (2 * i)))).ToArray();
        return Write(pdu, SimModbusTable.HoldingRegisters, address, words, pdu[..5]);
    }

    private byte[] Write(byte[] pdu, SimModbusTable table, ushort address, ushort[] values, byte[] echo)
    {
        if (!bank.Defines(table, address, values.Length))
        {
            return SimModbusServer.Exception(pdu[0], 0x02);
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (server.Filter(table, (ushort)(address + i), values[i]) is { } refused)
            {
                return SimModbusServer.Exception(pdu[0], refused);
            }
        }

        if (!server.Faults.IgnoreWrites)
        {
            bank.Set(table, address, values);
            for (var i = 0; i < values.Length; i++)
            {
                server.AfterWrite(table, (ushort)(address + i));
            }
        }

        return echo;
    }
}
