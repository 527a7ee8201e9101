using System.Globalization;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Cli;

/// <summary>A verb's parsed flags and positionals, with typed readers that throw <see cref="CliUsageException"/>.</summary>
/// <param name="Verb">The verb's name.</param>
/// <param name="Values">Flag → value (switches map to an empty string).</param>
/// <param name="Positionals">The positional arguments in order.</param>
internal sealed record CliArguments(string Verb, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Positionals)
{
    /// <summary>The flag's text value, or null when not given.</summary>
    public string? Get(string flag) => Values.GetValueOrDefault(flag);

    /// <summary>Whether a switch was given.</summary>
    public bool Has(string flag) => Values.ContainsKey(flag);

    /// <summary>A duration such as <c>30s</c>, <c>10m</c>, <c>1h</c>.</summary>
    public TimeSpan? GetDuration(string flag) =>
        Get(flag) is not { } text ? null
        : DurationParser.TryParse(text, out var duration) && duration > TimeSpan.Zero ? duration
        : throw Invalid(flag, text, "a duration such as 30s, 10m or 1h");

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? GetInt(string flag, int min, int max) =>
        Get(flag) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw Invalid(flag, text, $"a whole number from {min} to {max}");

    /// <summary>A positive number.</summary>
    public double? GetPositiveDouble(string flag) =>
        Get(flag) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value) ? value
        : throw Invalid(flag, text, "a positive number such as 60");

    /// <summary>An absolute URL.</summary>
    public Uri? GetUri(string flag) =>
        Get(flag) is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri
        : throw Invalid(flag, text, "an absolute URL such as mqtt://127.0.0.1:1883");

    private CliUsageException Invalid(string flag, string text, string expected) =>
        new($"{flag} `{text}` is not valid: expected {expected}", Verb);
}
