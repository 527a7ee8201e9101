namespace ProofOfHeat.Drivers.Miners.LuxOs;

/// <summary>LuxOS STATUS codes this driver acts on (LuxOS's API docs).</summary>
internal static class LuxOsStatusCodes
{
    /// <summary><c>logon</c>: "Session created".</summary>
    public const int SessionCreated = 316;

    /// <summary><c>profileset</c>: "Profile Set".</summary>
    public const int ProfileSet = 321;

    /// <summary><c>curtail</c>: "Curtailment command sent".</summary>
    public const int CurtailSent = 335;

    /// <summary><c>atm</c>: "ATM configuration values".</summary>
    public const int AtmValues = 339;

    /// <summary><c>logon</c>: "Another session is active".</summary>
    public const int AnotherSessionActive = 402;
}
