namespace ProofOfHeat.Apps.Safety.Options;

/// <summary>
/// One zone or pipe watched for frost and over-temperature (<c>apps.safety.zones[]</c>): below the frost limit its
/// heat is forced on whatever price, profile, override or app switch say; above the over-temperature its sources
/// are forced off.
/// </summary>
public sealed class ThermalZoneOptions
{
    /// <summary>A short name for alerts and logs (<c>cellar_pipes</c>).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The temperature sensor (°C).</summary>
    public string Sensor { get; set; } = string.Empty;

    /// <summary>Below this (°C) the zone's <see cref="Heat"/> is forced on; null for no frost protection.</summary>
    public double? FrostLimit { get; set; } = 5;

    /// <summary>What heats the zone when it freezes (switches, climate entities turned to heat).</summary>
    public IReadOnlyList<string> Heat { get; set; } = [];

    /// <summary>Above this (°C) the zone's <see cref="Sources"/> are forced off; null for none.</summary>
    public double? OverTemperature { get; set; }

    /// <summary>The zone's heat sources, switched off on over-temperature (often the same as <see cref="Heat"/>).</summary>
    public IReadOnlyList<string> Sources { get; set; } = [];

    /// <summary>How far (K) back past a limit the temperature must come before the force ends.</summary>
    public double Hysteresis { get; set; } = 1;

    /// <summary>Throws when the zone cannot work.</summary>
    public void Validate()
    {
        var key = $"apps.safety.zones[{Name}]";
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("apps.safety.zones: every zone needs a name.");
        }

        OptionsChecks.EntityId(Sensor, key + ".sensor");
        OptionsChecks.EntityIds(Heat, key + ".heat");
        OptionsChecks.EntityIds(Sources, key + ".sources");
        if (FrostLimit is not null && Heat.Count == 0)
        {
            throw new ArgumentException($"{key}.heat: a frost limit needs something to heat with (or set frost_limit: null).");
        }

        if (OverTemperature is { } over && Sources.Count == 0)
        {
            throw new ArgumentException($"{key}.sources: an over_temperature of {over} needs the sources to switch off.");
        }

        if (FrostLimit is { } frost && OverTemperature is { } hot && hot - frost <= 2 * Hysteresis)
        {
            throw new ArgumentException($"{key}.over_temperature: must be more than twice the hysteresis above frost_limit.");
        }

        if (!(Hysteresis > 0))
        {
            throw new ArgumentException($"{key}.hysteresis: must be positive.");
        }
    }
}
