namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>The hashprice from <paramref name="Start"/> until the next point.</summary>
/// <param name="Start">From when it applies.</param>
/// <param name="UsdPerThDay">US dollars per TH/s per day.</param>
public sealed record HashpricePoint(DateTimeOffset Start, double UsdPerThDay);
