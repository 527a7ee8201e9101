namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>The source did not answer (refused connection, dropped, timed out). Retried by the base.</summary>
public sealed class HeatSourceUnreachableException(string message, Exception? innerException = null)
    : HeatSourceException(message, innerException);
