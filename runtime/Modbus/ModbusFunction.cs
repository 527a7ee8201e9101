namespace ProofOfHeat.Modbus;

/// <summary>
/// The public function codes this client speaks (Modbus Application Protocol Specification V1.1b3, modbus.org, §5.1
/// "Public Function Code Definition" and §6.1–6.12).
/// </summary>
public enum ModbusFunction : byte
{
    /// <summary>0x01 Read Coils (§6.1): 1–2000 bits of the read/write bit table.</summary>
    ReadCoils = 0x01,

    /// <summary>0x02 Read Discrete Inputs (§6.2): 1–2000 bits of the read-only bit table.</summary>
    ReadDiscreteInputs = 0x02,

    /// <summary>0x03 Read Holding Registers (§6.3): 1–125 words of the read/write register table.</summary>
    ReadHoldingRegisters = 0x03,

    /// <summary>0x04 Read Input Registers (§6.4): 1–125 words of the read-only register table.</summary>
    ReadInputRegisters = 0x04,

    /// <summary>0x05 Write Single Coil (§6.5): 0xFF00 sets it, 0x0000 clears it; the reply echoes the request.</summary>
    WriteSingleCoil = 0x05,

    /// <summary>0x06 Write Single Register (§6.6): the reply echoes the request.</summary>
    WriteSingleRegister = 0x06,

    /// <summary>0x0F Write Multiple Coils (§6.11): 1–1968 bits; the reply carries address and quantity.</summary>
    WriteMultipleCoils = 0x0F,

    /// <summary>0x10 Write Multiple Registers (§6.12): 1–123 words; the reply carries address and quantity.</summary>
    WriteMultipleRegisters = 0x10,
}
