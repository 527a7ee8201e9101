namespace ProofOfHeat.Modbus;

/// <summary>The server sent bytes that are not a valid reply to the request. The connection is dropped.</summary>
public sealed class ModbusProtocolException(string message) : ModbusException(message);
