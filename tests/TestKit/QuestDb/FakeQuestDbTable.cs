using System.Globalization;

namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>
/// One table of the fake: column types fixed by the first write or the DDL, rows in arrival order, and with
/// <c>DEDUP UPSERT KEYS</c> an identical-key row replacing the old one instead of adding (QuestDB deduplication.md).
/// </summary>
public sealed class FakeQuestDbTable
{
    /// <summary>The designated timestamp's column name, as ILP auto-creation names it.</summary>
    public const string TimestampColumn = "timestamp";

    private readonly List<Dictionary<string, object>> _rows = [];
    private readonly Dictionary<string, int> _rowByKey = new(StringComparer.Ordinal);

    internal FakeQuestDbTable(string name, IReadOnlyList<string>? dedupKeys)
    {
        Name = name;
        DedupKeys = dedupKeys;
        Columns[TimestampColumn] = FakeQuestDbColumnType.Timestamp;
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The upsert keys, or null without dedup.</summary>
    public IReadOnlyList<string>? DedupKeys { get; }

    /// <summary>Column types.</summary>
    public Dictionary<string, FakeQuestDbColumnType> Columns { get; } = new(StringComparer.Ordinal);

    /// <summary>Rows that an identical-key row replaced or skipped.</summary>
    public long DeduplicatedRows { get; private set; }

    /// <summary>A copy of the rows.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object>> Rows => _rows.Select(r => (IReadOnlyDictionary<string, object>)new Dictionary<string, object>(r)).ToList();

    /// <summary>The reason <paramref name="line"/> cannot go in (a column of another type), or null.</summary>
    internal string? Conflict(FakeQuestDbLine line, Dictionary<string, FakeQuestDbColumnType> pending)
    {
        foreach (var (name, _) in line.Symbols)
        {
            if (TypeOf(name, pending) is { } existing && existing != FakeQuestDbColumnType.Symbol)
            {
                return $"table: {Name}, column: {name}; cast error from protocol type: SYMBOL to column type: {existing.ToString().ToUpperInvariant()}";
            }

            pending[name] = FakeQuestDbColumnType.Symbol;
        }

        foreach (var (name, type, _) in line.Columns)
        {
            if (TypeOf(name, pending) is { } existing && existing != type)
            {
                return $"table: {Name}, column: {name}; cast error from protocol type: {type.ToString().ToUpperInvariant()} to column type: {existing.ToString().ToUpperInvariant()}";
            }

            pending[name] = type;
        }

        return null;
    }

    internal void Insert(FakeQuestDbLine line, long timestampNanoseconds)
    {
        var row = new Dictionary<string, object>(StringComparer.Ordinal) { [TimestampColumn] = timestampNanoseconds };
        foreach (var (name, value) in line.Symbols)
        {
            Columns.TryAdd(name, FakeQuestDbColumnType.Symbol);
            row[name] = value;
        }

        foreach (var (name, type, value) in line.Columns)
        {
            Columns.TryAdd(name, type);
            // A duplicate column in one line: the first value wins (QuestDB docs connect/compatibility/ilp/advanced-settings.md and columnset-types.md).
            row.TryAdd(name, value);
        }

        if (DedupKeys is null)
        {
            _rows.Add(row);
            return;
        }

        var key = string.Join('\u001f', DedupKeys.Select(k => row.TryGetValue(k, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : "\u0000"));
        if (_rowByKey.TryGetValue(key, out var index))
        {
            _rows[index] = row;
            DeduplicatedRows++;
            return;
        }

        _rowByKey[key] = _rows.Count;
        _rows.Add(row);
    }

    private FakeQuestDbColumnType? TypeOf(string name, Dictionary<string, FakeQuestDbColumnType> pending) =>
        Columns.TryGetValue(name, out var type) ? type : pending.TryGetValue(name, out var next) ? next : null;
}
