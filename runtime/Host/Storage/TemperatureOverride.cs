namespace ProofOfHeat.Host.Storage;

/// <summary>A user's temporary target for a zone.</summary>
/// <param name="Zone">The zone id.</param>
/// <param name="Target">The target temperature in °C.</param>
/// <param name="ExpiresAt">When it ends, or null for "until removed".</param>
internal sealed record TemperatureOverride(string Zone, double Target, DateTimeOffset? ExpiresAt);
