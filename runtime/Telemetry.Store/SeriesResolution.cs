namespace ProofOfHeat.Telemetry.Store;

/// <summary>Which of the store's tiers a query reads.</summary>
public enum SeriesResolution
{
    /// <summary>The finest tier that still covers the range and returns a chart-sized series (<see cref="TelemetryStore.ChooseResolution"/>).</summary>
    Auto,

    /// <summary>The raw points (up to one per second per series).</summary>
    Raw,

    /// <summary>One-minute rollups.</summary>
    Minute,

    /// <summary>Fifteen-minute rollups.</summary>
    FifteenMinutes,
}
