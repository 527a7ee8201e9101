using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Telemetry.Store;

/// <summary>One value column of a <see cref="TelemetryTable"/>.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">Its type.</param>
public sealed record TelemetryColumn(string Name, TelemetryFieldKind Kind);
