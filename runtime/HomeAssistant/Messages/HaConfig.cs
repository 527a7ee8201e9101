using System.Text.Json;

namespace ProofOfHeat.HomeAssistant;

/// <summary>The answer to <c>get_config</c>.</summary>
/// <param name="State">HA core state; only <c>RUNNING</c> counts as ready.</param>
/// <param name="Version">HA's version, for example <c>2026.4.0</c>.</param>
/// <param name="LocationName">The home's name.</param>
/// <param name="Latitude">The home's latitude (for sun events).</param>
/// <param name="Longitude">The home's longitude.</param>
/// <param name="TimeZone">The IANA time zone, for example <c>Europe/Amsterdam</c>.</param>
/// <param name="Raw">The whole config object (unit system, components, …).</param>
public sealed record HaConfig(
    string State,
    string Version,
    string? LocationName,
    double? Latitude,
    double? Longitude,
    string? TimeZone,
    JsonElement Raw)
{
    /// <summary>The state value HA reports once it has fully started.</summary>
    public const string RunningState = "RUNNING";

    /// <summary>True when HA has fully started.</summary>
    public bool IsRunning => State == RunningState;
}
