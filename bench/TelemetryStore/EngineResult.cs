namespace ProofOfHeat.Bench.TelemetryStore;

/// <summary>One engine's figures.</summary>
internal sealed record EngineResult(
    string Engine,
    double PointsPerSecond,
    double ValuesPerSecond,
    double MbPerDayAt1Hz,
    double SevenDayPageMs,
    double SevenDaySeriesMs,
    int PageBuckets,
    double RssAddedMb,
    double RssBaseMb);
