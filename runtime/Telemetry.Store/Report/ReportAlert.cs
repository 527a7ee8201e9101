namespace ProofOfHeat.Telemetry.Store.Report;

/// <summary>An alert as the report lists it.</summary>
/// <param name="Time">When it was recorded.</param>
/// <param name="Severity">Its severity symbol.</param>
/// <param name="Message">Its message.</param>
public sealed record ReportAlert(DateTimeOffset Time, string Severity, string Message);
