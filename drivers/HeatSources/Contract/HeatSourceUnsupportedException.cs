namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>The source cannot do what was asked (see <see cref="HeatSourceCapabilities.Supports"/>): a caller's mistake.</summary>
public sealed class HeatSourceUnsupportedException(string message) : HeatSourceException(message);
