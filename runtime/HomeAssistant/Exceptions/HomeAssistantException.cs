namespace ProofOfHeat.HomeAssistant;

/// <summary>Base class of every error the Home Assistant client raises.</summary>
public class HomeAssistantException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public HomeAssistantException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public HomeAssistantException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception without a message (required by the exception pattern).</summary>
    public HomeAssistantException()
    {
    }

    /// <summary>
    /// True when trying again later may succeed (a dropped socket, HA restarting); false when retrying
    /// cannot help (a rejected token, a service that does not exist).
    /// </summary>
    public virtual bool IsTransient => false;
}
