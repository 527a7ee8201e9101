using System.Globalization;
using System.Text;

namespace ProofOfHeat.Host.HaSide;

/// <summary>
/// Home Assistant's <c>slugify(text, separator="_")</c> (homeassistant/util/__init__.py over python-slugify), which
/// turns a device and entity name into the object id of an entity id: transliterate to ASCII (unidecode), drop
/// apostrophes and thousands commas, lower-case, every run of other characters becomes one <c>_</c>, trimmed;
/// empty becomes <c>unknown</c>.
/// </summary>
internal static class HaSlug
{
    // unidecode's table for Cyrillic (unidecode/x004.py), the script a Russian-speaking user names devices in;
    // ъ and ь become quote marks there, which python-slugify then removes.
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "io", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = string.Empty, ['ы'] = "y", ['ь'] = string.Empty,
        ['э'] = "e", ['ю'] = "iu", ['я'] = "ia",
    };

    // unidecode's Latin-1 letters, for when the runtime cannot decompose them (globalization-invariant mode).
    private static readonly Dictionary<char, string> Latin = new[]
    {
        ("àáâãäåā", "a"), ("çćč", "c"), ("èéêëēę", "e"), ("ìíîïī", "i"), ("ñń", "n"), ("òóôõöøō", "o"), ("ùúûüū", "u"),
        ("ýÿ", "y"), ("śš", "s"), ("źżž", "z"), ("ł", "l"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ð", "d"), ("þ", "th"),
    }.SelectMany(p => p.Item1.Select(c => (c, p.Item2))).ToDictionary(p => p.c, p => p.Item2);

    /// <summary>The slug of <paramref name="text"/>.</summary>
    public static string Slugify(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var ascii = new StringBuilder(text.Length);
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '\'')
            {
                continue;
            }

            // python-slugify removes a comma between two digits (1,000 → 1000).
            if (c == ',' && i > 0 && i + 1 < decomposed.Length && char.IsAsciiDigit(decomposed[i - 1]) && char.IsAsciiDigit(decomposed[i + 1]))
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            ascii.Append(Cyrillic.TryGetValue(lower, out var latin) || Latin.TryGetValue(lower, out latin) ? latin : lower.ToString());
        }

        var slug = new StringBuilder(ascii.Length);
        foreach (var c in ascii.ToString())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '_')
            {
                slug.Append('_');
            }
        }

        var result = slug.ToString().Trim('_');
        return result.Length == 0 ? "unknown" : result;
    }
}
