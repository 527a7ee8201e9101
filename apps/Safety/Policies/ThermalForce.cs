namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>What frost and over-temperature protection hold a zone at.</summary>
public enum ThermalForce
{
    /// <summary>Nothing: the heating app decides.</summary>
    None,

    /// <summary>Below the frost limit: the zone's heat is held on.</summary>
    Heat,

    /// <summary>Above the over-temperature: the zone's sources are held off.</summary>
    SourcesOff,
}
