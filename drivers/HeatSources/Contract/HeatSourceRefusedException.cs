namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>The source answered and refused (a Modbus exception reply, an OTGW error code). Not retried.</summary>
public sealed class HeatSourceRefusedException(string message, Exception? innerException = null)
    : HeatSourceException(message, innerException);
