using System.Globalization;
using System.Text;

namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>
/// One parsed line-protocol line, as QuestDB reads it (QuestDB docs connect/compatibility/ilp/advanced-settings.md and columnset-types.md): table, symbols (tags), typed
/// columns, optional nanosecond timestamp. Throws <see cref="FormatException"/> with QuestDB-like reasons.
/// </summary>
public sealed record FakeQuestDbLine(
    string Table,
    IReadOnlyList<(string Name, string Value)> Symbols,
    IReadOnlyList<(string Name, FakeQuestDbColumnType Type, object Value)> Columns,
    long? TimestampNanoseconds)
{
    private static readonly string[] TrueTokens = ["t", "T", "true", "True", "TRUE"];
    private static readonly string[] FalseTokens = ["f", "F", "false", "False", "FALSE"];

    /// <summary>Parses one line (without its line feed).</summary>
    public static FakeQuestDbLine Parse(string line)
    {
        var at = 0;
        var table = Token(line, ref at, " ,", "table name");
        if (table.Length == 0)
        {
            throw new FormatException("empty table name");
        }

        var symbols = new List<(string, string)>();
        while (at < line.Length && line[at] == ',')
        {
            at++;
            var key = Token(line, ref at, "=", "symbol name");
            Expect(line, ref at, '=', "symbol");
            symbols.Add((key, Token(line, ref at, " ,", "symbol value")));
        }

        Expect(line, ref at, ' ', "column set");
        var columns = new List<(string, FakeQuestDbColumnType, object)>();
        do
        {
            if (columns.Count > 0)
            {
                at++;
            }

            var name = Token(line, ref at, "=", "column name");
            Expect(line, ref at, '=', "column");
            columns.Add(Value(name, line, ref at));
        }
        while (at < line.Length && line[at] == ',');

        long? timestamp = null;
        if (at < line.Length)
        {
            Expect(line, ref at, ' ', "timestamp");
            timestamp = long.TryParse(line.AsSpan(at), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ns)
                ? ns
                : throw new FormatException($"invalid timestamp [{line[at..]}]");
        }

        return new FakeQuestDbLine(table, symbols, columns, timestamp);
    }

    private static (string, FakeQuestDbColumnType, object) Value(string name, string line, ref int at)
    {
        if (at < line.Length && line[at] == '"')
        {
            at++;
            var text = new StringBuilder();
            while (true)
            {
                if (at >= line.Length)
                {
                    throw new FormatException($"unterminated string in column {name}");
                }

                var c = line[at++];
                if (c == '"')
                {
                    break;
                }

                if (c == '\\' && at < line.Length)
                {
                    var next = line[at++];
                    c = next switch { 'n' => '\n', 'r' => '\r', _ => next };
                }

                text.Append(c);
            }

            return (name, FakeQuestDbColumnType.Varchar, text.ToString());
        }

        var start = at;
        while (at < line.Length && line[at] is not (',' or ' '))
        {
            at++;
        }

        var token = line[start..at];
        if (TrueTokens.Contains(token) || FalseTokens.Contains(token))
        {
            return (name, FakeQuestDbColumnType.Boolean, TrueTokens.Contains(token));
        }

        if (token.EndsWith('i') && long.TryParse(token.AsSpan(0, token.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return (name, FakeQuestDbColumnType.Long, whole);
        }

        if (token.Length > 0 && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return (name, FakeQuestDbColumnType.Double, real);
        }

        throw new FormatException($"invalid column value [name={name}, value={token}]");
    }

    private static string Token(string line, ref int at, string stops, string what)
    {
        var text = new StringBuilder();
        while (at < line.Length && !stops.Contains(line[at], StringComparison.Ordinal))
        {
            var c = line[at++];
            if (c == '\\')
            {
                if (at >= line.Length)
                {
                    throw new FormatException($"dangling escape in {what}");
                }

                c = line[at++];
            }
            else if (c == '"' && what == "column name")
            {
                throw new FormatException($"invalid column name: {text}{c}");
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static void Expect(string line, ref int at, char expected, string what)
    {
        if (at >= line.Length || line[at] != expected)
        {
            throw new FormatException($"malformed {what} at position {at}");
        }

        at++;
    }
}
