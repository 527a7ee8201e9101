namespace ProofOfHeat.Bench.Rss;

/// <summary>A process's memory over one run.</summary>
internal sealed record RssResult(TimeSpan Duration, IReadOnlyList<RssSample> Samples)
{
    /// <summary>Where the resident memory was at the end (from smaps), when it could be read.</summary>
    public SmapsBreakdown? Breakdown { get; init; }

    /// <summary>The last reading: resident memory after the whole duration.</summary>
    public RssSample Final => Samples[^1];

    /// <summary>The median of all RSS readings, in MB.</summary>
    public double MedianRssMb
    {
        get
        {
            var sorted = Samples.Select(s => s.RssKb).Order().ToArray();
            return sorted[sorted.Length / 2] / 1024.0;
        }
    }
}
