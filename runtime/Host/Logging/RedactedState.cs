using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProofOfHeat.Host.Logging;

/// <summary>A log entry's structured values and message after redaction, in the shape the console formatters read.</summary>
internal sealed partial class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _values;
    private readonly string _message;
    private readonly SecretRedactor _redactor;
    private string? _readable;

    /// <summary>Redacts <paramref name="state"/> and the already formatted <paramref name="message"/>.</summary>
    public RedactedState(object? state, string message, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        _redactor = redactor;
        _values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, Redact(p.Key, p.Value, redactor))).ToList()
            : [];

        // A value named like a secret is not a known secret string, so the formatted message still holds
        // it: render the message again from its template with the masked values.
        var template = _values.FirstOrDefault(p => p.Key == OriginalFormat).Value as string;
        _message = template is not null && _values.Any(p => p.Key != OriginalFormat && SecretRedactor.IsSecretName(p.Key))
            ? redactor.Redact(Render(template, static (value, _) => Convert.ToString(value, CultureInfo.InvariantCulture)))
            : redactor.Redact(message);
    }

    /// <summary>
    /// The redacted message for people: rendered again from its template with durations as
    /// <c>2 s</c> and enum values as words (<c>closed by server</c>), see <see cref="ReadableValue"/>.
    /// </summary>
    public string ReadableMessage => _readable ??= Template is { } template && ReadsDifferently()
        ? RenderReadable(template)
        : _message;

    /// <summary>The readable message rendered from the template whatever the values (the path a plain line skips).</summary>
    internal string RenderReadable(string template) => _redactor.Redact(Render(template, ReadableValue.Format));

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => _values[index];

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The redacted message.</summary>
    public override string ToString() => _message;

    private const string OriginalFormat = "{OriginalFormat}";

    // Only durations and enum values read differently for people (ReadableValue); a sequence is rendered as a list
    // by the logger and by its type name here, so it takes the template path too, to print what it always printed.
    // Any other line is the logger's own message: no regex over the template per line (issue 11's profile).
    private bool ReadsDifferently()
    {
        foreach (var (key, value) in _values)
        {
            if (key != OriginalFormat && value is TimeSpan or Enum or (IEnumerable and not string))
            {
                return true;
            }
        }

        return false;
    }

    internal string? Template => _values.FirstOrDefault(p => p.Key == OriginalFormat).Value as string;

    private string Render(string template, Func<object?, string?, string?> format) => Hole().Replace(template, match =>
    {
        var name = match.Groups[1].Value.Trim();
        var pair = _values.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.Ordinal));
        var formatString = match.Groups[2].Success ? match.Groups[2].Value : null;
        return pair.Key is null ? match.Value : pair.Value is null ? "(null)" : format(pair.Value, formatString) ?? "(null)";
    });

    [GeneratedRegex(@"(?<!\{)\{([^{}:,]+)(?:,[^{}:]*)?(?::([^{}]*))?\}(?!\})", RegexOptions.CultureInvariant)]
    private static partial Regex Hole();

    private static object? Redact(string name, object? value, SecretRedactor redactor)
    {
        if (name == OriginalFormat || value is null)
        {
            return value;
        }

        if (SecretRedactor.IsSecretName(name))
        {
            return SecretRedactor.Mask;
        }

        return value switch
        {
            // Numbers, times and enum values cannot hold a secret; kept as they are for the formatters.
            bool or int or long or double or float or decimal or DateTimeOffset or TimeSpan or Enum => value,
            IFormattable formattable => redactor.Redact(formattable.ToString(null, CultureInfo.InvariantCulture)),
            _ => redactor.Redact(value.ToString() ?? string.Empty),
        };
    }
}
