namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>The source answered, but not in its protocol (garbage, a reply to another request). Retried by the base.</summary>
public sealed class HeatSourceProtocolException(string message, Exception? innerException = null)
    : HeatSourceException(message, innerException);
