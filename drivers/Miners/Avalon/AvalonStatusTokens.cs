using System.Globalization;
using System.Text.RegularExpressions;

namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>
/// The Avalon status string (<c>STATS[0]["MM ID0"]</c>): one long run of <c>Key[value]</c> tokens such
/// as <c>Temp[38] TMax[87] MTmax[77 78 77] WALLPOWER[3731] SYSTEMSTATU[Work: In Work, Hash Board: 3 ]</c>.
/// A key that repeats keeps its last value.
/// </summary>
internal sealed partial class AvalonStatusTokens
{
    private readonly Dictionary<string, string> _tokens;

    private AvalonStatusTokens(Dictionary<string, string> tokens) => _tokens = tokens;

    /// <summary>The keys present.</summary>
    public IReadOnlyCollection<string> Keys => _tokens.Keys;

    /// <summary>Splits <paramref name="text"/> into its tokens.</summary>
    public static AvalonStatusTokens Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in TokenPattern().Matches(text))
        {
            tokens[match.Groups[1].Value] = match.Groups[2].Value.Trim();
        }

        return new AvalonStatusTokens(tokens);
    }

    /// <summary>The raw value of <paramref name="key"/>, or null.</summary>
    public string? Text(string key) => _tokens.GetValueOrDefault(key);

    /// <summary>The value's numbers (space-separated; a trailing <c>%</c> is dropped; <c>inf</c>/<c>nan</c> are skipped).</summary>
    public IReadOnlyList<double> Numbers(string key) =>
        Text(key) is { } value
            ? value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => double.TryParse(part.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN)
                .Where(double.IsFinite)
                .ToList()
            : [];

    /// <summary>The value's first number, or null.</summary>
    public double? Number(string key) => Numbers(key) is [var first, ..] ? first : null;

    [GeneratedRegex(@"(\w+)\[([^\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
