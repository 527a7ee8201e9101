namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>Choices for an API v2 driver beyond the endpoint.</summary>
public sealed record WhatsminerV2DriverOptions
{
    /// <summary>The default admin password (MicroBT's factory password).</summary>
    public const string DefaultPassword = "admin";

    /// <summary>How a power target is applied.</summary>
    public WhatsminerV2PowerMethod PowerMethod { get; init; } = WhatsminerV2PowerMethod.Limit;
}
