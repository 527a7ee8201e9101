using System.Globalization;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// Parses durations written the way people write them: <c>500ms</c>, <c>30s</c>, <c>10m</c>,
/// <c>1h</c>, <c>2d</c>, also combined (<c>1h30m</c>) and with fractions (<c>1.5h</c>).
/// </summary>
internal static class DurationParser
{
    /// <summary>A sentence for error messages that shows the accepted forms.</summary>
    public const string Hint = "Write a duration such as 30s, 10m, 1h or 1h30m";

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.Trim().AsSpan();
        var total = 0.0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            var unitLength = 0;
            while (numberLength + unitLength < span.Length && char.IsAsciiLetter(span[numberLength + unitLength]))
            {
                unitLength++;
            }

            if (numberLength == 0 || unitLength == 0
                || !double.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var seconds = UnitSeconds(span.Slice(numberLength, unitLength));
            if (seconds is null)
            {
                return false;
            }

            total += number * seconds.Value;
            span = span[(numberLength + unitLength)..];
        }

        if (total > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }

    private static double? UnitSeconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ms" => 0.001,
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86400,
        _ => null,
    };
}
