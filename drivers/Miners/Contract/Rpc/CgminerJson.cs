using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProofOfHeat.Drivers.Miners.Rpc;

/// <summary>
/// Parses the JSON that cgminer-family firmware really sends, repairing the known faults
/// (cgminer's API-README and pyasic's RPC client): trailing NULs, <c>,}</c>, raw newlines in strings,
/// <c>}{</c> between objects, <c>[,{</c>, bare <c>inf</c>/<c>nan</c>, a reply starting at
/// <c>,"id"</c>. Output cut off before its closing brackets is not repaired: closing it made a half reply look
/// valid, with its board temperatures missing, which blinded overheat protection (issue 10); it stays an error.
/// </summary>
public static partial class CgminerJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses <paramref name="text"/> as it is or, failing that, after the repairs.</summary>
    public static bool TryParse(string text, out JsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimEnd('\0', ' ', '\r', '\n', '\t');
        if (TryParseAsIs(trimmed, out document))
        {
            return true;
        }

        return TryParseAsIs(Repair(trimmed), out document);
    }

    /// <summary>The repaired text (exposed for tests).</summary>
    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.TrimEnd('\0').Trim();
        s = s.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        if (s.StartsWith(','))
        {
            s = "{" + s[1..];
        }

        s = ObjectsWithoutComma().Replace(s, "},{");
        s = LeadingCommaInArray().Replace(s, "[");
        s = TrailingComma().Replace(s, "$1");
        s = BareNonNumbers().Replace(s, "$1null");
        return s;
    }

    private static bool TryParseAsIs(string text, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(text, Options);
            return true;
        }
        catch (JsonException)
        {
            document = null!;
            return false;
        }
    }

    [GeneratedRegex(@"\}\s*\{")]
    private static partial Regex ObjectsWithoutComma();

    [GeneratedRegex(@"\[\s*,")]
    private static partial Regex LeadingCommaInArray();

    [GeneratedRegex(@",\s*([}\]])")]
    private static partial Regex TrailingComma();

    [GeneratedRegex(@"(:\s*)-?(?:inf|nan|Infinity|NaN)\b")]
    private static partial Regex BareNonNumbers();
}
