using System.Text.RegularExpressions;

namespace ProofOfHeat.Telemetry.Store.Tests.Grafana;

/// <summary>
/// Checks one Grafana query for QuestDB against <see cref="TelemetrySchema"/>: the PostgreSQL datasource's macros
/// expanded as Grafana does (<c>$__timeFilter(col)</c> → <c>col BETWEEN '…' AND '…'</c>, <c>$__interval</c> → an
/// interval such as <c>1m</c>; https://grafana.com/docs/grafana/latest/datasources/postgres/query-editor/#macros),
/// every table after FROM/JOIN a recorded table, every column (bare or through a table alias) one of its columns
/// or an output alias, every function a known QuestDB aggregate, the SAMPLE BY interval in a unit QuestDB takes
/// (https://questdb.com/docs/reference/sql/sample-by/: T, s, m, h, d, M, y), and the designated timestamp selected
/// <c>AS time</c> (the datasource's time series format needs a <c>time</c> column). Returns the problems found.
/// </summary>
internal static partial class QuestDbQueryChecker
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "as", "from", "where", "sample", "by", "align", "to", "calendar", "fill", "prev", "null", "linear",
        "none", "asof", "lt", "splice", "join", "on", "and", "or", "not", "between", "case", "when", "then", "else",
        "end", "in", "order", "asc", "desc", "limit", "group", "is", "true", "false", "distinct", "latest",
    };

    private static readonly HashSet<string> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        "avg", "min", "max", "last", "first", "sum", "count", "fill",
    };

    /// <summary>The query with Grafana's macros expanded for a one-day range at a one-minute interval.</summary>
    public static string Expand(string sql) =>
        TimeFilter().Replace(sql, m => $"{m.Groups[1].Value} BETWEEN '2026-12-01T00:00:00.000Z' AND '2026-12-02T00:00:00.000Z'")
            .Replace("$__interval", "1m", StringComparison.Ordinal);

    public static IReadOnlyList<string> Check(string rawSql)
    {
        var problems = new List<string>();
        var sql = Expand(rawSql);
        if (sql.Contains('$', StringComparison.Ordinal))
        {
            problems.Add("a macro or variable is left unexpanded");
        }

        var tokens = Token().Matches(sql).Select(m => m.Value).ToList();
        var tables = new Dictionary<string, TelemetryTable>(StringComparer.OrdinalIgnoreCase);
        var outputs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var skip = new HashSet<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Equals("from", StringComparison.OrdinalIgnoreCase) || tokens[i].Equals("join", StringComparison.OrdinalIgnoreCase))
            {
                var name = tokens[i + 1];
                skip.Add(i + 1);
                var table = TelemetrySchema.Tables.FirstOrDefault(t => t.Name == name);
                if (table is null)
                {
                    problems.Add($"no table `{name}`");
                    continue;
                }

                tables[name] = table;
                if (i + 2 < tokens.Count && IsIdentifier(tokens[i + 2]) && !Keywords.Contains(tokens[i + 2]))
                {
                    tables[tokens[i + 2]] = table;
                    skip.Add(i + 2);
                }
            }
            else if (tokens[i].Equals("as", StringComparison.OrdinalIgnoreCase))
            {
                outputs.Add(tokens[i + 1]);
                skip.Add(i + 1);
            }
            else if (tokens[i].Equals("by", StringComparison.OrdinalIgnoreCase) && tokens[i - 1].Equals("sample", StringComparison.OrdinalIgnoreCase))
            {
                skip.Add(i + 1);
                if (!SampleInterval().IsMatch(tokens[i + 1]))
                {
                    problems.Add($"SAMPLE BY `{tokens[i + 1]}` is not a QuestDB interval");
                }
            }
        }

        if (tables.Count == 0)
        {
            problems.Add("no table");
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (skip.Contains(i) || !IsIdentifier(token) || Keywords.Contains(token))
            {
                continue;
            }

            if (i + 1 < tokens.Count && tokens[i + 1] == "(")
            {
                if (!Functions.Contains(token))
                {
                    problems.Add($"unknown function `{token}`");
                }
            }
            else if (i + 2 < tokens.Count && tokens[i + 1] == ".")
            {
                skip.Add(i + 2);
                if (!tables.TryGetValue(token, out var table))
                {
                    problems.Add($"unknown table alias `{token}`");
                }
                else if (!table.HasColumn(tokens[i + 2]))
                {
                    problems.Add($"no column `{tokens[i + 2]}` in `{table.Name}`");
                }
            }
            else if (!tables.Values.Any(t => t.HasColumn(token)) && !outputs.Contains(token))
            {
                problems.Add($"no column `{token}` in {string.Join(", ", tables.Values.Select(t => t.Name).Distinct())}");
            }
        }

        if (!DesignatedAsTime().IsMatch(sql))
        {
            problems.Add("the designated timestamp is not selected AS time");
        }

        return problems;
    }

    private static bool IsIdentifier(string token) => char.IsLetter(token[0]) || token[0] == '_';

    [GeneratedRegex(@"\$__timeFilter\(([^)]*)\)")]
    private static partial Regex TimeFilter();

    // Strings, numbers with an optional unit (1m, 1000), identifiers, and single symbols.
    [GeneratedRegex(@"'[^']*'|\d+(\.\d+)?[A-Za-z]*|[A-Za-z_][A-Za-z0-9_]*|[^\sA-Za-z0-9_]")]
    private static partial Regex Token();

    [GeneratedRegex(@"^\d+[TsmhdMy]$")]
    private static partial Regex SampleInterval();

    [GeneratedRegex(@"SELECT\s+(\w+\.)?timestamp\s+AS\s+time\b", RegexOptions.IgnoreCase)]
    private static partial Regex DesignatedAsTime();
}
