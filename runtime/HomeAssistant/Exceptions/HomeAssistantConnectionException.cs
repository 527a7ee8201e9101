namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// The connection to HA failed or broke (socket error, closed socket, malformed frame, timeout while
/// connecting). The connection that raised it is never reused.
/// </summary>
public sealed class HomeAssistantConnectionException : HomeAssistantException
{
    /// <summary>Creates the exception.</summary>
    public HomeAssistantConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the socket or protocol error that caused it.</summary>
    public HomeAssistantConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public HomeAssistantConnectionException()
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
