namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>What the heating app knows of a source: its level, when it last switched on or off, and when it was last commanded.</summary>
/// <param name="Level">The power it runs at, W (0 = off): as commanded, or as read back.</param>
/// <param name="Since">When it last switched on or off.</param>
/// <param name="CommandedAt">When the app last sent it a command that changed its level.</param>
internal sealed record SourceState(double Level, DateTimeOffset Since, DateTimeOffset CommandedAt);
