using System.Text;

namespace ProofOfHeat.Drivers.Miners.Antminer.Web;

/// <summary>
/// Splits the parameter list of a Digest challenge or credentials (RFC 7616 §3.3, RFC 7235 §2.1):
/// comma-separated <c>name=token</c> or <c>name="quoted string"</c> pairs, where a backslash in a
/// quoted string escapes the next character.
/// </summary>
internal static class DigestParameters
{
    /// <summary>The parameters by lower-case name (a repeated name keeps its first value); null when the text is malformed.</summary>
    public static Dictionary<string, string>? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (true)
        {
            SkipSeparators(text, ref i);
            if (i >= text.Length)
            {
                return result;
            }

            var nameStart = i;
            while (i < text.Length && text[i] is not ('=' or ',' or ' ' or '\t'))
            {
                i++;
            }

            var name = text[nameStart..i];
            SkipWhitespace(text, ref i);
            if (name.Length == 0 || i >= text.Length || text[i] != '=')
            {
                return null;
            }

            i++;
            SkipWhitespace(text, ref i);
            var value = i < text.Length && text[i] == '"' ? ReadQuoted(text, ref i) : ReadToken(text, ref i);
            if (value is null)
            {
                return null;
            }

            result.TryAdd(name, value);
        }
    }

    /// <summary>Writes <paramref name="value"/> as a quoted string, escaping quotes and backslashes.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string? ReadQuoted(string text, ref int i)
    {
        var value = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\')
            {
                if (i >= text.Length)
                {
                    return null;
                }

                c = text[i++];
            }

            value.Append(c);
        }

        return null;
    }

    private static string ReadToken(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] is not (',' or ' ' or '\t'))
        {
            i++;
        }

        return text[start..i];
    }

    private static void SkipSeparators(string text, ref int i)
    {
        while (i < text.Length && text[i] is ',' or ' ' or '\t')
        {
            i++;
        }
    }

    private static void SkipWhitespace(string text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
    }
}
