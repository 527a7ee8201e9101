namespace ProofOfHeat.Bench.Rss;

/// <summary>One reading of the demo's memory.</summary>
/// <param name="At">Time since the demo started.</param>
/// <param name="RssKb">VmRSS: resident set now, in kB.</param>
/// <param name="HwmKb">VmHWM: the peak resident set so far, in kB.</param>
internal sealed record RssSample(TimeSpan At, long RssKb, long HwmKb);
