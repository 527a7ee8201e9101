namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>What the heating app knows of a source: its level, when it last switched on or off, and when it was last commanded.</summary>
/// <param name="Level">The power it runs at, W (0 = off): as commanded, or as read back.</param>
/// <param name="Since">When it last switched on or off.</param>
/// <param name="CommandedAt">When the app last sent it a command that changed its level.</param>
internal sealed record SourceState(double Level, DateTimeOffset Since, DateTimeOffset CommandedAt)
{
    /// <summary>Longer ago than any minimum on/off time or read-back grace: a switch this old holds nothing.</summary>
    public static readonly TimeSpan LongAgo = TimeSpan.FromDays(1);

    /// <summary>A source whose past is unknown (the app just started): off, and held by none of the app's minimum times.</summary>
    public static SourceState Unknown(DateTimeOffset now) => new(0, now - LongAgo, now - LongAgo);
}
