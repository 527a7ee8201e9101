namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// Home Assistant rejected the access token (<c>auth_invalid</c>). Never retried: repeated bad logins
/// can get the client's address banned by HA's login-attempt protection.
/// </summary>
public sealed class HomeAssistantAuthenticationException : HomeAssistantException
{
    /// <summary>Creates the exception with HA's reason.</summary>
    public HomeAssistantAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with HA's reason and a cause.</summary>
    public HomeAssistantAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public HomeAssistantAuthenticationException()
    {
    }
}
