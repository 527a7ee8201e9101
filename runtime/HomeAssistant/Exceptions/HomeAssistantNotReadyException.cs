namespace ProofOfHeat.HomeAssistant;

/// <summary>HA answered, but its core is not in the RUNNING state yet (starting or restarting).</summary>
public sealed class HomeAssistantNotReadyException : HomeAssistantException
{
    /// <summary>Creates the exception.</summary>
    public HomeAssistantNotReadyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public HomeAssistantNotReadyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public HomeAssistantNotReadyException()
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
