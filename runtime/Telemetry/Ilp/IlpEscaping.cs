using System.Buffers;
using System.Text;

namespace ProofOfHeat.Telemetry.Ilp;

/// <summary>
/// Which characters the line protocol escapes where, and the writing of escaped UTF-8 into a span without
/// allocating. Sources: QuestDB "ILP advanced settings" and "columnset types" (questdb/documentation,
/// connect/compatibility/ilp/), InfluxDB 1.6 line protocol reference "Special characters"
/// (docs.influxdata.com/influxdb/v1.6/write_protocols/line_protocol_reference/).
/// </summary>
internal static class IlpEscaping
{
    /// <summary>Where a text goes in the line; each place escapes its own set.</summary>
    internal enum Place
    {
        /// <summary>Table (measurement) name: space and comma are escaped.</summary>
        Table,

        /// <summary>Tag key, tag value, field key: space, comma and equals sign are escaped.</summary>
        Name,

        /// <summary>Quoted string field value: double quote and backslash are escaped.</summary>
        Text,
    }

    // Printable ASCII that needs no escape in each place: text made only of these is copied in one vectorised step.
    private static readonly SearchValues<char> PlainTable = Plain(" ,");
    private static readonly SearchValues<char> PlainName = Plain(" ,=");
    private static readonly SearchValues<char> PlainText = Plain("\"\\");

    /// <summary>The most bytes <paramref name="text"/> can take once escaped (every char escaped, 3 bytes each).</summary>
    public static int MaxBytes(string text) => text.Length * 4;

    /// <summary>
    /// Writes <paramref name="text"/> escaped for <paramref name="place"/>; returns the bytes written.
    /// <paramref name="destination"/> must hold <see cref="MaxBytes"/>.
    /// </summary>
    public static int Write(ReadOnlySpan<char> text, Place place, Span<byte> destination)
    {
        var plain = place switch { Place.Table => PlainTable, Place.Name => PlainName, _ => PlainText };
        if (!text.ContainsAnyExcept(plain))
        {
            Ascii.FromUtf16(text, destination, out var copied);
            return copied;
        }

        var written = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c >= 0x80)
            {
                // A run of non-ASCII chars (surrogate pairs stay together: both halves are >= 0x80).
                var start = i;
                while (i < text.Length && text[i] >= 0x80)
                {
                    i++;
                }

                written += Encoding.UTF8.GetBytes(text[start..i], destination[written..]);
                continue;
            }

            written += WriteAscii(c, place, destination[written..]);
            i++;
        }

        return written;
    }

    private static SearchValues<char> Plain(string escaped) =>
        SearchValues.Create([.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => !escaped.Contains(c, StringComparison.Ordinal))]);

    private static int WriteAscii(char c, Place place, Span<byte> destination)
    {
        // A raw line break would end the line. Neither InfluxDB 1.x nor QuestDB reads an escaped one in names and
        // tags alike (QuestDB only in tag values), so it becomes a space there; in a string value QuestDB reads \n.
        if (c is '\n' or '\r')
        {
            if (place == Place.Text)
            {
                destination[0] = (byte)'\\';
                destination[1] = c == '\n' ? (byte)'n' : (byte)'r';
                return 2;
            }

            c = ' ';
        }

        if (NeedsEscape(c, place))
        {
            destination[0] = (byte)'\\';
            destination[1] = (byte)c;
            return 2;
        }

        destination[0] = (byte)c;
        return 1;
    }

    private static bool NeedsEscape(char c, Place place) => place switch
    {
        Place.Table => c is ' ' or ',',
        Place.Name => c is ' ' or ',' or '=',
        _ => c is '"' or '\\',
    };
}
