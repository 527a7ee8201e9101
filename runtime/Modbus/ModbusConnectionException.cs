namespace ProofOfHeat.Modbus;

/// <summary>The connection could not be opened, was refused, was closed by the server, or is backing off after failures.</summary>
public sealed class ModbusConnectionException(string message, Exception? innerException = null) : ModbusException(message, innerException);
