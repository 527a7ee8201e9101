namespace ProofOfHeat.Modbus;

/// <summary>No connection or no reply within the timeout (on the client's clock). The connection is dropped.</summary>
public sealed class ModbusTimeoutException(string message) : ModbusException(message);
