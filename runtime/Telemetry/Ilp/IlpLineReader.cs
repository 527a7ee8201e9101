using System.Globalization;
using System.Text;
using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Telemetry.Ilp;

/// <summary>
/// Reads back one line that <see cref="IlpWriter"/> wrote (the outbox stores lines and hands points to the sinks).
/// It reads exactly the writer's dialect: escapes with backslash, floats bare, <c>i</c> integers, <c>t</c>/<c>f</c>
/// booleans, quoted strings, a nanosecond timestamp.
/// </summary>
public static class IlpLineReader
{
    /// <summary>Parses <paramref name="line"/> (without its line feed); throws <see cref="FormatException"/> on a damaged line.</summary>
    public static TelemetryPoint Read(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line);
        var position = 0;
        var table = ReadName(text, ref position, stopAtEquals: false);
        var symbols = new List<KeyValuePair<string, string>>();
        while (position < text.Length && text[position] == ',')
        {
            position++;
            var key = ReadName(text, ref position, stopAtEquals: true);
            Expect(text, ref position, '=');
            symbols.Add(new(key, ReadName(text, ref position, stopAtEquals: false)));
        }

        Expect(text, ref position, ' ');
        var fields = new List<TelemetryField>();
        do
        {
            if (fields.Count > 0)
            {
                position++;
            }

            var name = ReadName(text, ref position, stopAtEquals: true);
            Expect(text, ref position, '=');
            fields.Add(ReadField(name, text, ref position));
        }
        while (position < text.Length && text[position] == ',');

        Expect(text, ref position, ' ');
        var nanoseconds = long.Parse(text.AsSpan(position), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var timestamp = DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);
        return new TelemetryPoint(table, timestamp, symbols, fields);
    }

    private static TelemetryField ReadField(string name, string text, ref int position)
    {
        if (position < text.Length && text[position] == '"')
        {
            position++;
            var value = new StringBuilder();
            while (position < text.Length && text[position] != '"')
            {
                var c = text[position++];
                if (c == '\\' && position < text.Length)
                {
                    var escaped = text[position++];
                    c = escaped switch { 'n' => '\n', 'r' => '\r', _ => escaped };
                }

                value.Append(c);
            }

            Expect(text, ref position, '"');
            return TelemetryField.Of(name, value.ToString());
        }

        var start = position;
        while (position < text.Length && text[position] is not (',' or ' '))
        {
            position++;
        }

        var token = text.AsSpan(start, position - start);
        if (token.Length == 0)
        {
            throw new FormatException($"field '{name}' has no value");
        }

        return token switch
        {
            "t" => TelemetryField.Of(name, true),
            "f" => TelemetryField.Of(name, false),
            _ when token[^1] == 'i' => TelemetryField.Of(name, long.Parse(token[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
            _ => TelemetryField.Of(name, double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture)),
        };
    }

    private static string ReadName(string text, ref int position, bool stopAtEquals)
    {
        var name = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position];
            if (c is ',' or ' ' || (stopAtEquals && c == '='))
            {
                break;
            }

            if (c == '\\' && position + 1 < text.Length && text[position + 1] is ',' or ' ' or '=')
            {
                position++;
                c = text[position];
            }

            name.Append(c);
            position++;
        }

        if (name.Length == 0)
        {
            throw new FormatException($"empty name at byte {position}");
        }

        return name.ToString();
    }

    private static void Expect(string text, ref int position, char expected)
    {
        if (position >= text.Length || text[position] != expected)
        {
            throw new FormatException($"expected '{expected}' at {position}");
        }

        position++;
    }
}
