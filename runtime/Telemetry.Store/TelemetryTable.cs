namespace ProofOfHeat.Telemetry.Store;

/// <summary>One table of <see cref="TelemetrySchema"/>.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Symbols">Its symbol (tag) columns.</param>
/// <param name="Fields">Its value columns.</param>
public sealed record TelemetryTable(string Name, IReadOnlyList<string> Symbols, IReadOnlyList<TelemetryColumn> Fields)
{
    /// <summary>Whether <paramref name="column"/> is one of its columns (symbols, fields or the timestamp).</summary>
    public bool HasColumn(string column) =>
        column == TelemetrySchema.TimestampColumn || Symbols.Contains(column) || Fields.Any(f => f.Name == column);
}
