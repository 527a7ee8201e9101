namespace ProofOfHeat.Apps.Safety.Options;

/// <summary>Options of the safety app (config section <c>apps.safety</c>); each rule runs when its section is there.</summary>
public sealed class SafetyOptions
{
    /// <summary>Water leak.</summary>
    public LeakOptions? Leak { get; set; }

    /// <summary>Gas.</summary>
    public GasOptions? Gas { get; set; }

    /// <summary>Smoke and carbon monoxide.</summary>
    public SmokeOptions? Smoke { get; set; }

    /// <summary>Zones and pipes watched for frost and over-temperature.</summary>
    public IReadOnlyList<ThermalZoneOptions> Zones { get; set; } = [];

    /// <summary>Overload shedding against the main fuse.</summary>
    public OverloadOptions? Overload { get; set; }

    /// <summary>The sensors' own health.</summary>
    public SensorHealthOptions SensorHealth { get; set; } = new();

    /// <summary>How commands are read back, retried and escalated.</summary>
    public ActuationOptions Actions { get; set; } = new();

    /// <summary>Every sensor a rule uses (the ones sensor health watches).</summary>
    public IEnumerable<string> SafetySensors =>
        (Leak?.Sensors ?? []).Concat(Gas?.Sensors ?? []).Concat(Smoke?.Sensors ?? [])
            .Concat(Zones.Select(z => z.Sensor))
            .Concat(Overload is { } overload ? [overload.Meter] : [])
            .Distinct(StringComparer.Ordinal);

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        Leak?.Validate();
        Gas?.Validate();
        Smoke?.Validate();
        Overload?.Validate();
        (SensorHealth ?? throw new ArgumentException("apps.safety.sensor_health is empty.")).Validate();
        (Actions ?? throw new ArgumentException("apps.safety.actions is empty.")).Validate();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var zone in Zones)
        {
            zone.Validate();
            if (!names.Add(zone.Name))
            {
                throw new ArgumentException($"apps.safety.zones: the name `{zone.Name}` is used twice.");
            }
        }
    }
}
