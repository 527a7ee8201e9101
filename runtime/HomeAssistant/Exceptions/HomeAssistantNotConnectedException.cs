namespace ProofOfHeat.HomeAssistant;

/// <summary>A command was issued while no connection to HA is up.</summary>
public sealed class HomeAssistantNotConnectedException : HomeAssistantException
{
    /// <summary>Creates the exception.</summary>
    public HomeAssistantNotConnectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public HomeAssistantNotConnectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public HomeAssistantNotConnectedException()
        : base("Not connected to Home Assistant.")
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
