using System.Text;

namespace ProofOfHeat.Telemetry.Store;

/// <summary>
/// A point's symbols in one canonical text, <c>key=value,key=value</c> sorted by key, so the same symbols in any order
/// name the same series. <c>\</c>, <c>,</c> and <c>=</c> inside keys and values are escaped with <c>\</c>.
/// </summary>
public static class SymbolSet
{
    /// <summary>The canonical text of <paramref name="symbols"/>.</summary>
    public static string Encode(IReadOnlyList<KeyValuePair<string, string>> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0)
        {
            return string.Empty;
        }

        var sorted = symbols.Count == 1 ? symbols : symbols.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        foreach (var (key, value) in sorted)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            Escape(text, key);
            text.Append('=');
            Escape(text, value);
        }

        return text.ToString();
    }

    /// <summary>The symbols of a canonical text made by <see cref="Encode"/>.</summary>
    public static IReadOnlyDictionary<string, string> Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var symbols = new Dictionary<string, string>(StringComparer.Ordinal);
        var key = new StringBuilder();
        var value = new StringBuilder();
        var current = key;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else if (c == '=' && current == key)
            {
                current = value;
            }
            else if (c == ',')
            {
                symbols[key.ToString()] = value.ToString();
                key.Clear();
                value.Clear();
                current = key;
            }
            else
            {
                current.Append(c);
            }
        }

        if (key.Length > 0)
        {
            symbols[key.ToString()] = value.ToString();
        }

        return symbols;
    }

    private static void Escape(StringBuilder text, string part)
    {
        foreach (var c in part)
        {
            if (c is '\\' or ',' or '=')
            {
                text.Append('\\');
            }

            text.Append(c);
        }
    }
}
