namespace ProofOfHeat.Modbus;

/// <summary>The server answered with an exception response: it understood the request and refused it.</summary>
public sealed class ModbusServerException : ModbusException
{
    /// <summary>Creates the exception for <paramref name="code"/> in reply to <paramref name="function"/>.</summary>
    public ModbusServerException(ModbusFunction function, ModbusExceptionCode code)
        : base($"Modbus exception {(byte)code} ({Describe(code)}) in reply to function {(byte)function} ({function})")
    {
        Function = function;
        Code = code;
    }

    /// <summary>The function the request asked for.</summary>
    public ModbusFunction Function { get; }

    /// <summary>Why it was refused.</summary>
    public ModbusExceptionCode Code { get; }

    private static string Describe(ModbusExceptionCode code) => code switch
    {
        ModbusExceptionCode.IllegalFunction => "illegal function",
        ModbusExceptionCode.IllegalDataAddress => "illegal data address",
        ModbusExceptionCode.IllegalDataValue => "illegal data value",
        ModbusExceptionCode.ServerDeviceFailure => "server device failure",
        ModbusExceptionCode.Acknowledge => "acknowledge",
        ModbusExceptionCode.ServerDeviceBusy => "server device busy",
        ModbusExceptionCode.MemoryParityError => "memory parity error",
        ModbusExceptionCode.GatewayPathUnavailable => "gateway path unavailable",
        ModbusExceptionCode.GatewayTargetDeviceFailedToRespond => "gateway target device failed to respond",
        _ => "unknown code",
    };
}
