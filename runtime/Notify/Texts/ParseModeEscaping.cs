using System.Text;

namespace ProofOfHeat.Notify.Texts;

/// <summary>Escapes plain text for Telegram's parse modes.</summary>
public static class ParseModeEscaping
{
    // https://core.telegram.org/bots/api#formatting-options: outside code and links
    // these must be escaped with a backslash in MarkdownV2, else 400 "can't parse entities".
    private const string MarkdownV2Specials = "\\_*[]()~`>#+-=|{}.!";

    /// <summary>HTML mode: only <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> need entities (same source).</summary>
    public static string Html(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>MarkdownV2 mode: every special character gets a backslash.</summary>
    public static string MarkdownV2(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (MarkdownV2Specials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
