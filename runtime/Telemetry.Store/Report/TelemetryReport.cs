namespace ProofOfHeat.Telemetry.Store.Report;

/// <summary>What <c>poh report</c> prints: one row per day from <see cref="From"/> to <see cref="To"/>.</summary>
/// <param name="From">The first day's start (UTC midnight).</param>
/// <param name="To">The end (now).</param>
/// <param name="Resolution">The tier the figures were integrated from.</param>
/// <param name="Days">The days, oldest first.</param>
public sealed record TelemetryReport(DateTimeOffset From, DateTimeOffset To, SeriesResolution Resolution, IReadOnlyList<ReportDay> Days);
