using System.Text;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>
/// Parses the HTML parse mode as the Bot API documents it (formatting options): only its tags, properly nested;
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> must be entities, and only <c>&amp;lt; &amp;gt; &amp;amp; &amp;quot;</c> and numeric
/// entities exist. Returns the visible text or throws <see cref="FormatException"/> like the API's "can't parse entities".
/// </summary>
internal static class FakeTelegramHtml
{
    private static readonly HashSet<string> Tags = new(StringComparer.Ordinal)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote", "tg-spoiler", "span", "tg-emoji",
    };

    public static string Visible(string html)
    {
        var visible = new StringBuilder(html.Length);
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    throw new FormatException($"Unclosed start tag at byte offset {i}");
                }

                var inner = html[(i + 1)..end];
                var closing = inner.StartsWith('/');
                var name = (closing ? inner[1..] : inner).Split(' ')[0].ToLowerInvariant();
                if (!Tags.Contains(name))
                {
                    throw new FormatException($"Unsupported start tag \"{name}\" at byte offset {i}");
                }

                if (closing)
                {
                    if (open.Count == 0 || open.Pop() != name)
                    {
                        throw new FormatException($"Unmatched end tag at byte offset {i}, expected \"</{(open.Count > 0 ? open.Peek() : string.Empty)}>\", found \"</{name}>\"");
                    }
                }
                else
                {
                    open.Push(name);
                }

                i = end;
            }
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                var entity = end < 0 ? string.Empty : html[(i + 1)..end];
                visible.Append(entity switch
                {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    _ when entity.StartsWith('#') && int.TryParse(entity[1..], System.Globalization.CultureInfo.InvariantCulture, out var code) => char.ConvertFromUtf32(code),
                    _ => throw new FormatException($"Unsupported HTML entity at byte offset {i}"),
                });
                i = end;
            }
            else if (c == '>')
            {
                throw new FormatException($"Character '>' at byte offset {i} must be escaped");
            }
            else
            {
                visible.Append(c);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"Can't find end tag corresponding to start tag \"{open.Peek()}\"");
        }

        return visible.ToString();
    }
}
