using System.Globalization;
using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>Converts scalar text to the simple CLR types the options use, with the words errors need.</summary>
internal static class ScalarConverter
{
    /// <summary>Whether <paramref name="type"/> is bound from a single scalar.</summary>
    public static bool IsScalarType(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long)
        || type == typeof(double) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri) || type.IsEnum;

    /// <summary>
    /// Converts <paramref name="scalar"/> (not null) to <paramref name="type"/>; on failure returns
    /// false with the problem and fix for the error.
    /// </summary>
    public static bool TryConvert(ConfigScalar scalar, Type type, out object? value, out string problem, out string fix)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        ArgumentNullException.ThrowIfNull(type);
        var text = scalar.Value!;
        value = null;
        problem = string.Empty;
        fix = string.Empty;
        var trimmed = text.Trim();
        if (type == typeof(string))
        {
            value = text;
        }
        else if (type == typeof(bool))
        {
            value = trimmed.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };
            fix = "Write true or false";
        }
        else if (type == typeof(int))
        {
            value = int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;
            fix = "Write a whole number such as 8099";
        }
        else if (type == typeof(long))
        {
            value = long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;
            fix = "Write a whole number";
        }
        else if (type == typeof(double))
        {
            value = double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
            fix = "Write a number such as 21.5 (with a dot)";
        }
        else if (type == typeof(decimal))
        {
            value = decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : null;
            fix = "Write a number such as 0.25 (with a dot)";
        }
        else if (type == typeof(TimeSpan))
        {
            value = DurationParser.TryParse(trimmed, out var span) ? span : null;
            fix = DurationParser.Hint;
        }
        else if (type == typeof(Uri))
        {
            if (HasEmptyPort(trimmed))
            {
                // System.Uri reads `http://host:` as the scheme's default port, so a port left out by mistake would
                // silently connect to port 80.
                value = null;
                problem = $"the port after `:` is missing in {DisplayUrl(scalar)}";
                fix = "Write the port after the colon (Home Assistant's is usually 8123, MQTT's 1883), or remove the colon";
                return false;
            }

            value = Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) ? uri : null;
            fix = "Write an absolute URL such as ws://homeassistant.local:8123/api/websocket";
        }
        else if (type.IsEnum)
        {
            return TryConvertEnum(scalar, type, out value, out problem, out fix);
        }

        if (value is null)
        {
            problem = $"expected {Describe(type)}, got {(type == typeof(Uri) ? DisplayUrl(scalar) : scalar.Display)}";
            return false;
        }

        return true;
    }

    private static string DisplayUrl(ConfigScalar scalar) =>
        scalar.IsSecret || scalar.Value is null ? scalar.Display : $"\"{UrlRedaction.Redact(scalar.Value)}\"";

    /// <summary>Whether the URL's authority (between <c>://</c> and the path) ends with a colon and no port.</summary>
    private static bool HasEmptyPort(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        var authority = url[(start + 3)..];
        var end = authority.IndexOfAny(['/', '?', '#']);
        authority = end < 0 ? authority : authority[..end];
        return authority.EndsWith(':');
    }

    /// <summary>Names a type the way an error message should.</summary>
    public static string Describe(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "text",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) => "a number",
            _ when type == typeof(TimeSpan) => "a duration",
            _ when type == typeof(Uri) => "an absolute URL",
            _ when type.IsEnum => $"one of {string.Join(", ", EnumNames(type))}",
            _ => "a mapping of keys to values",
        };
    }

    private static bool TryConvertEnum(ConfigScalar scalar, Type type, out object? value, out string problem, out string fix)
    {
        var wanted = Normalize(scalar.Value!);
        var names = EnumNames(type).ToList();
        foreach (var name in Enum.GetNames(type))
        {
            if (Normalize(name) == wanted)
            {
                value = Enum.Parse(type, name);
                problem = fix = string.Empty;
                return true;
            }
        }

        value = null;
        problem = $"{scalar.Display} is not one of {string.Join(", ", names)}";
        var suggestion = KeySuggester.Suggest(scalar.Value!, names);
        fix = suggestion is null ? $"Write one of {string.Join(", ", names)}" : $"Did you mean `{suggestion}`?";
        return false;
    }

    private static IEnumerable<string> EnumNames(Type type) => Enum.GetNames(type).Select(OptionsNaming.ToSnakeCase);

    private static string Normalize(string text) => text.Replace("_", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
}
