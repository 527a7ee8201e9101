namespace ProofOfHeat.Telemetry.Store;

/// <summary>
/// One bucket of a series: for a rollup the mean, least, greatest and last value of the points in it; for a raw point
/// all four are the point's value and <see cref="Count"/> is 1.
/// </summary>
/// <param name="Start">The bucket's start (the point's time for raw points).</param>
/// <param name="Average">The mean of the points' values.</param>
/// <param name="Min">The least value.</param>
/// <param name="Max">The greatest value.</param>
/// <param name="Last">The value of the latest point.</param>
/// <param name="Count">How many points.</param>
public readonly record struct SeriesBucket(DateTimeOffset Start, double Average, double Min, double Max, double Last, long Count);
