namespace ProofOfHeat.Host.Api.Access;

/// <summary>What a caller of the API may do; each role may do everything the ones before it may.</summary>
internal enum ApiRole
{
    /// <summary>Reads: status, apps, stored state.</summary>
    Guest,

    /// <summary>Also changes heating profiles (their presets and schedules), the active profile and app switches.</summary>
    Operator,

    /// <summary>Also changes every other state namespace.</summary>
    Admin,
}
