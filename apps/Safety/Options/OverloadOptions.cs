namespace ProofOfHeat.Apps.Safety.Options;

/// <summary>
/// Overload shedding (<c>apps.safety.overload</c>): the main meter's power against the fuse limit. Above it, loads are
/// shed by priority (miners first, then resistive heaters) at the reading; they come back one at a time once the
/// power with them stays below the limit minus the hysteresis and each has been off its minimum time.
/// </summary>
public sealed class OverloadOptions
{
    /// <summary>The main meter's power sensor (W; kW is converted when its unit says so).</summary>
    public string Meter { get; set; } = string.Empty;

    /// <summary>The limit (W): the main fuse's current × voltage × phases, with a margin (25 A × 230 V = 5,750 W).</summary>
    public double LimitWatts { get; set; }

    /// <summary>How far below the limit (W) the power with a load back on must stay for it to be restored.</summary>
    public double RestoreHysteresisWatts { get; set; } = 500;

    /// <summary>How long a shed load stays off at least (a miner's own dwell time in the fleet applies as well).</summary>
    public TimeSpan MinimumOff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after one restore the next may follow (the meter must show the first one's draw).</summary>
    public TimeSpan RestoreInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The loads that may be shed. Loads a safety rule holds on (frost heat) are never shed.</summary>
    public IReadOnlyList<SheddableLoadOptions> Loads { get; set; } = [];

    /// <summary>Entities never shed whatever else says (a freezer, a medical device); a load here is a config error.</summary>
    public IReadOnlyList<string> NeverShed { get; set; } = [];

    /// <summary>Throws when shedding cannot work.</summary>
    public void Validate()
    {
        OptionsChecks.EntityId(Meter, "apps.safety.overload.meter");
        if (!(LimitWatts > 0))
        {
            throw new ArgumentException("apps.safety.overload.limit_watts: must be positive (the main fuse's limit in W).");
        }

        if (!(RestoreHysteresisWatts >= 0) || RestoreHysteresisWatts >= LimitWatts)
        {
            throw new ArgumentException("apps.safety.overload.restore_hysteresis_watts: must be at least 0 and below limit_watts.");
        }

        OptionsChecks.Positive(RestoreInterval, "apps.safety.overload.restore_interval");
        if (MinimumOff < TimeSpan.Zero)
        {
            throw new ArgumentException("apps.safety.overload.minimum_off: must not be negative.");
        }

        OptionsChecks.NotEmpty([.. Loads.Select(l => l.Id)], "apps.safety.overload.loads");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var load in Loads)
        {
            load.Validate();
            if (!ids.Add(load.Id))
            {
                throw new ArgumentException($"apps.safety.overload.loads: `{load.Id}` is listed twice.");
            }

            if (NeverShed.Contains(load.Id, StringComparer.Ordinal))
            {
                throw new ArgumentException($"apps.safety.overload.loads: `{load.Id}` is also under never_shed.");
            }
        }
    }
}
