namespace ProofOfHeat.Apps.Heating.Prices;

/// <summary>Prices over time, sorted by start, without overlaps (a later duplicate start replaces the earlier one).</summary>
public sealed class PriceSeries
{
    /// <summary>Builds a series from points in any order.</summary>
    public PriceSeries(IEnumerable<PricePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var byStart = new SortedDictionary<DateTimeOffset, PricePoint>();
        foreach (var point in points)
        {
            byStart[point.Start] = point;
        }

        Points = [.. byStart.Values];
    }

    /// <summary>An empty series.</summary>
    public static PriceSeries Empty { get; } = new([]);

    /// <summary>The points, by start.</summary>
    public IReadOnlyList<PricePoint> Points { get; }

    /// <summary>The price at <paramref name="at"/>, or null when no interval covers it.</summary>
    public double? PriceAt(DateTimeOffset at)
    {
        foreach (var point in Points)
        {
            if (at >= point.Start && at < point.End)
            {
                return point.Price;
            }
        }

        return null;
    }

    /// <summary>Whether the series covers <paramref name="at"/>.</summary>
    public bool Covers(DateTimeOffset at) => PriceAt(at) is not null;

    /// <summary>Where the series ends (the last interval's end), or null when it is empty.</summary>
    public DateTimeOffset? End => Points.Count == 0 ? null : Points[^1].End;
}
