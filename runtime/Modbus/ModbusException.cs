namespace ProofOfHeat.Modbus;

/// <summary>A Modbus request failed. Subclasses say how: refused by the server, timed out, connection lost, garbage.</summary>
public class ModbusException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModbusException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
