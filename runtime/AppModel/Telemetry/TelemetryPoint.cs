namespace ProofOfHeat.AppModel.Telemetry;

/// <summary>
/// One recorded observation: a table (e.g. <c>miner</c>, <c>zone</c>, <c>price</c>), its time, the symbols that
/// identify what it is about (QuestDB SYMBOL columns, line-protocol tags: <c>miner=s19</c>, <c>family=braiins</c>) and
/// its typed fields.
/// </summary>
/// <param name="Table">The table (measurement) name.</param>
/// <param name="Timestamp">When it was observed.</param>
/// <param name="Symbols">Identifying symbols (tags), few and low-cardinality.</param>
/// <param name="Fields">The values; at least one.</param>
public sealed record TelemetryPoint(
    string Table,
    DateTimeOffset Timestamp,
    IReadOnlyList<KeyValuePair<string, string>> Symbols,
    IReadOnlyList<TelemetryField> Fields);
