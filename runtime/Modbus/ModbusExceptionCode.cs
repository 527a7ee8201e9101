namespace ProofOfHeat.Modbus;

/// <summary>
/// Why a server refused a request: the exception code of an exception response, whose function code is the request's
/// with its high bit set (Modbus Application Protocol Specification V1.1b3, §7 "MODBUS Exception Responses").
/// </summary>
public enum ModbusExceptionCode : byte
{
    /// <summary>01: the function code is not allowed by the server.</summary>
    IllegalFunction = 0x01,

    /// <summary>02: the address (or address plus quantity) is not allowed.</summary>
    IllegalDataAddress = 0x02,

    /// <summary>03: a value in the request is not allowed (quantity out of range, a value out of range).</summary>
    IllegalDataValue = 0x03,

    /// <summary>04: the server failed while performing the action.</summary>
    ServerDeviceFailure = 0x04,

    /// <summary>05: accepted, a long action is under way; poll later.</summary>
    Acknowledge = 0x05,

    /// <summary>06: busy with a long command; retry later.</summary>
    ServerDeviceBusy = 0x06,

    /// <summary>08: a memory parity error in an extended file.</summary>
    MemoryParityError = 0x08,

    /// <summary>0A: a gateway could not route the request (the unit id names no device behind it).</summary>
    GatewayPathUnavailable = 0x0A,

    /// <summary>0B: a gateway got no answer from the device behind it.</summary>
    GatewayTargetDeviceFailedToRespond = 0x0B,
}
