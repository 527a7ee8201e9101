namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>A heat source could not be read or commanded. Subclasses say why.</summary>
public class HeatSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HeatSourceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
