using System.Text;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>
/// Checks MarkdownV2 the way the Bot API's formatting options describe: outside entities the characters
/// <c>_ * [ ] ( ) ~ ` &gt; # + - = | { } . !</c> must be escaped with a backslash. Formatting pairs (<c>*bold*</c>,
/// <c>_italic_</c>, <c>~strike~</c>, <c>`code`</c>) are removed from the visible text; other reserved characters unescaped
/// are an error, as in the real API.
/// </summary>
internal static class FakeTelegramMarkdown
{
    private const string Reserved = "[]()>#+-=|{}.!";
    private const string Formatting = "*_~`";

    public static string Visible(string text)
    {
        var visible = new StringBuilder(text.Length);
        var open = new Stack<char>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    throw new FormatException("Can't parse entities: trailing backslash");
                }

                visible.Append(text[++i]);
            }
            else if (Formatting.Contains(c, StringComparison.Ordinal))
            {
                if (open.Count > 0 && open.Peek() == c)
                {
                    open.Pop();
                }
                else
                {
                    open.Push(c);
                }
            }
            else if (Reserved.Contains(c, StringComparison.Ordinal))
            {
                throw new FormatException($"Character '{c}' is reserved and must be escaped with the preceding '\\'");
            }
            else
            {
                visible.Append(c);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"Can't find end of the entity starting with '{open.Peek()}'");
        }

        return visible.ToString();
    }
}
