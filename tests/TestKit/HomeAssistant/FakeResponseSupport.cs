namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>HA's SupportsResponse: whether a service returns data.</summary>
public enum FakeResponseSupport
{
    /// <summary>Returns nothing; return_response:true is refused.</summary>
    None,

    /// <summary>May return data when asked.</summary>
    Optional,

    /// <summary>Must be called with return_response:true.</summary>
    Only,
}
