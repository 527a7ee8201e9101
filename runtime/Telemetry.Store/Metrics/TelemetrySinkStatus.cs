namespace ProofOfHeat.Telemetry.Store.Metrics;

/// <summary>One sink's delivery, as <see cref="ITelemetryStatus"/> reports it.</summary>
/// <param name="Name">The sink (<c>store</c>, <c>questdb</c>, <c>influxdb</c>).</param>
/// <param name="Lag">How far behind the newest recorded point its last acknowledged point is.</param>
/// <param name="Delivered">Points it acknowledged since start.</param>
/// <param name="Failures">Failed writes since start (retried or not).</param>
public sealed record TelemetrySinkStatus(string Name, TimeSpan Lag, long Delivered, long Failures);
