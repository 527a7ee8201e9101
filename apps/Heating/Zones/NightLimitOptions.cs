namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>A quiet-hours cap on each miner's power, because fans are loud at night (config <c>night_limit:</c>).</summary>
public sealed class NightLimitOptions
{
    /// <summary>The cap per miner, W, or null (the default) for no limit.</summary>
    public int? MaxMinerWatts { get; set; }

    /// <summary>When the quiet hours start, local <c>HH:mm</c>.</summary>
    public string From { get; set; } = "22:00";

    /// <summary>When they end, local <c>HH:mm</c>; before <see cref="From"/> means the next morning.</summary>
    public string To { get; set; } = "07:00";
}
