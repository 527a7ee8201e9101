namespace ProofOfHeat.Telemetry.Store;

/// <summary>Where the embedded telemetry store lives and how long each tier is kept.</summary>
public sealed class TelemetryStoreOptions
{
    /// <summary>The store's file name in the data directory, beside (not inside) the run-time state's <c>poh.db</c>.</summary>
    public const string FileName = "telemetry.db";

    /// <summary>How long raw points (1 s resolution) and text events are kept.</summary>
    /// <value>Default: 2 days — at the worst case of every value changing every second, about 220 MB (bench/TelemetryStore/README.md).</value>
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long one-minute rollups are kept.</summary>
    /// <value>Default: 35 days — a month of <c>poh report</c> at one-minute detail.</value>
    public TimeSpan MinuteRetention { get; set; } = TimeSpan.FromDays(35);

    /// <summary>How long fifteen-minute rollups are kept.</summary>
    /// <value>Default: 2 years — seasons to compare.</value>
    public TimeSpan FifteenMinuteRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How often retention runs.</summary>
    /// <value>Default: 1 hour.</value>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
