using System.Buffers.Binary;

namespace ProofOfHeat.Modbus;

/// <summary>
/// The Modbus TCP application data unit: a 7-byte MBAP header, then the PDU (MODBUS Messaging on TCP/IP
/// Implementation Guide V1.0b, §3.1.3 "MBAP Header description"). Every field is big-endian (Modbus Application
/// Protocol Specification V1.1b3, §4.2 "Data Encoding").
/// </summary>
internal static class ModbusFrame
{
    /// <summary>Transaction id (2), protocol id (2), length (2), unit id (1).</summary>
    public const int HeaderLength = 7;

    /// <summary>A PDU is at most 253 bytes (V1.1b3 §4.1: the serial ADU's 256 bytes less address and CRC).</summary>
    public const int MaximumPduLength = 253;

    /// <summary>The protocol id of Modbus is 0 (Implementation Guide §3.1.3).</summary>
    public const ushort ModbusProtocolId = 0;

    /// <summary>One request or reply's ADU.</summary>
    public static byte[] Encode(ushort transactionId, byte unitId, ReadOnlySpan<byte> pdu)
    {
        if (pdu.IsEmpty || pdu.Length > MaximumPduLength)
        {
            throw new ArgumentOutOfRangeException(nameof(pdu), pdu.Length, $"A PDU carries 1–{MaximumPduLength} bytes.");
        }

        var frame = new byte[HeaderLength + pdu.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), ModbusProtocolId);
        // The length counts the bytes that follow it: the unit id and the PDU (Implementation Guide §3.1.3).
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)(1 + pdu.Length));
        frame[6] = unitId;
        pdu.CopyTo(frame.AsSpan(HeaderLength));
        return frame;
    }

    /// <summary>Reads a header; throws <see cref="ModbusProtocolException"/> for a wrong protocol id or an impossible length.</summary>
    /// <returns>The transaction id, the unit id, and how many PDU bytes follow.</returns>
    public static (ushort TransactionId, byte UnitId, int PduLength) DecodeHeader(ReadOnlySpan<byte> header)
    {
        var transactionId = BinaryPrimitives.ReadUInt16BigEndian(header);
        var protocolId = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        var length = BinaryPrimitives.ReadUInt16BigEndian(header[4..]);
        if (protocolId != ModbusProtocolId)
        {
            throw new ModbusProtocolException($"MBAP protocol id {protocolId}, not 0 (Modbus)");
        }

        if (length < 2 || length > MaximumPduLength + 1)
        {
            throw new ModbusProtocolException($"MBAP length {length} is outside 2–{MaximumPduLength + 1}");
        }

        return (transactionId, header[6], length - 1);
    }
}
