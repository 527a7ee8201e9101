namespace ProofOfHeat.HomeAssistant;

/// <summary>Where HA's REST API and the Supervisor API are, and the tokens for them.</summary>
public sealed class HomeAssistantRestOptions
{
    /// <summary>Base of HA's REST API, ending in <c>/api/</c>.</summary>
    /// <value><c>http://host:8123/api/</c> directly, or <see cref="DefaultAddOnApiUri"/> in add-on mode.</value>
    public required Uri ApiBaseUri { get; init; }

    /// <summary>Bearer token for HA's REST API. Never logged.</summary>
    public required string AccessToken { get; init; }

    /// <summary>Base of the Supervisor API (add-on mode only).</summary>
    /// <value>Default <c>http://supervisor/</c>.</value>
    public Uri SupervisorBaseUri { get; init; } = new("http://supervisor/");

    /// <summary>Token for the Supervisor API (<c>$SUPERVISOR_TOKEN</c>); null uses <see cref="AccessToken"/>.</summary>
    public string? SupervisorToken { get; init; }

    /// <summary>HA's REST API as seen from an add-on.</summary>
    public static Uri DefaultAddOnApiUri => new("http://supervisor/core/api/");
}
