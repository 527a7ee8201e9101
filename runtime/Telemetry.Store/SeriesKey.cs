namespace ProofOfHeat.Telemetry.Store;

/// <summary>One series of the store: a table, the canonical text of its symbols (<see cref="SymbolSet"/>) and a field.</summary>
/// <param name="Table">The table, such as <c>zone</c>.</param>
/// <param name="Symbols">The symbols' canonical text, such as <c>zone=living</c>; empty when the table has none.</param>
/// <param name="Field">The field, such as <c>room_c</c>.</param>
public sealed record SeriesKey(string Table, string Symbols, string Field)
{
    /// <summary>The key for <paramref name="table"/>, <paramref name="symbols"/> in any order, and <paramref name="field"/>.</summary>
    public static SeriesKey Of(string table, string field, params KeyValuePair<string, string>[] symbols) =>
        new(table, SymbolSet.Encode(symbols), field);

    /// <summary>The value of symbol <paramref name="name"/>, or null.</summary>
    public string? Symbol(string name) => SymbolSet.Decode(Symbols).GetValueOrDefault(name);
}
