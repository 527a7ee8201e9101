using System.Globalization;
using System.Text;

namespace ProofOfHeat.Host.Logging;

/// <summary>
/// How a log value reads on a line meant for people: a duration as <c>2 s</c> or <c>1 h 30 min</c>
/// rather than <c>00:00:02</c>, an enum value as words (<c>ClosedByServer</c> → <c>closed by server</c>),
/// anything else as the invariant culture writes it (with the template's format, if it has one).
/// </summary>
internal static class ReadableValue
{
    /// <summary>The text for <paramref name="value"/>; <paramref name="format"/> is the template's format, if any.</summary>
    public static string? Format(object? value, string? format) => value switch
    {
        null => null,
        TimeSpan duration when format is null => Duration(duration),
        Enum when format is null => Words(value.ToString()),
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A duration in the largest units that keep it exact enough to read: <c>250 ms</c>, <c>2 s</c>, <c>1 min 30 s</c>, <c>2 h</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        var sign = duration < TimeSpan.Zero ? "-" : string.Empty;
        var span = duration.Duration();
        var text = span switch
        {
            _ when span < TimeSpan.FromSeconds(1) => Invariant($"{span.TotalMilliseconds:0.#} ms"),
            _ when span < TimeSpan.FromMinutes(1) => Invariant($"{span.TotalSeconds:0.#} s"),
            _ when span < TimeSpan.FromHours(1) => Pair(span.Minutes, "min", span.Seconds, "s"),
            _ when span < TimeSpan.FromDays(1) => Pair(span.Hours, "h", span.Minutes, "min"),
            _ => Pair((int)span.TotalDays, "d", span.Hours, "h"),
        };
        return sign + text;
    }

    private static string Pair(int major, string majorUnit, int minor, string minorUnit) =>
        minor == 0 ? Invariant($"{major} {majorUnit}") : Invariant($"{major} {majorUnit} {minor} {minorUnit}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // PascalCase to lower-case words; a [Flags] value's parts stay comma-separated.
    private static string Words(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && char.IsLetterOrDigit(name[i - 1])
                && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
