namespace ProofOfHeat.Bench.Rss;

/// <summary>The demo's memory over one run.</summary>
internal sealed record RssResult(TimeSpan Duration, IReadOnlyList<RssSample> Samples)
{
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
