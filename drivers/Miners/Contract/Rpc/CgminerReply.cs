using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Rpc;

/// <summary>
/// A parsed cgminer-family reply: the envelope's STATUS (letter, code, message, description) and
/// the whole document. Sections are looked up by name, case-insensitively.
/// </summary>
public sealed class CgminerReply
{
    private CgminerReply(string command, JsonElement root, string statusLetter, int? code, string message, string description)
    {
        Command = command;
        Root = root;
        StatusLetter = statusLetter;
        Code = code;
        Message = message;
        Description = description;
    }

    /// <summary>The command this replies to.</summary>
    public string Command { get; }

    /// <summary>The whole reply (a detached copy).</summary>
    public JsonElement Root { get; }

    /// <summary><c>S</c>, <c>I</c>, <c>W</c>, <c>E</c> or <c>F</c>; or a bare string status such as <c>RESTART</c>; empty when absent.</summary>
    public string StatusLetter { get; }

    /// <summary>The message code, when given.</summary>
    public int? Code { get; }

    /// <summary>The status message (<c>Msg</c>).</summary>
    public string Message { get; }

    /// <summary>The software description (e.g. <c>bmminer 1.0.0</c>).</summary>
    public string Description { get; }

    /// <summary>Whether the status is success or info (or a bare RESTART/BYE acknowledgement).</summary>
    public bool IsSuccess => StatusLetter is "S" or "I" or "RESTART" or "BYE" || (StatusLetter.Length == 0 && Root.ValueKind == JsonValueKind.Object);

    /// <summary>Parses <paramref name="text"/> (after the tolerant repairs).</summary>
    /// <exception cref="MinerProtocolException">It is not JSON even after repair.</exception>
    public static CgminerReply Parse(string command, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!CgminerJson.TryParse(text, out var document))
        {
            var sample = text.Length > 80 ? text[..80] + "…" : text;
            throw new MinerProtocolException($"'{command}' reply is not JSON: {sample}");
        }

        using (document)
        {
            var root = document.RootElement.Clone();
            string letter = "", message = "", description = "";
            int? code = null;
            if (root.ValueKind == JsonValueKind.Object && TryGetProperty(root, "STATUS", out var status))
            {
                if (status.ValueKind == JsonValueKind.String)
                {
                    letter = status.GetString() ?? "";
                }
                else if (status.ValueKind == JsonValueKind.Array && status.GetArrayLength() > 0 && status[0].ValueKind == JsonValueKind.Object)
                {
                    var first = status[0];
                    letter = Text(first, "STATUS");
                    message = Text(first, "Msg");
                    description = Text(first, "Description");
                    code = TryGetProperty(first, "Code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
                }
            }

            return new CgminerReply(command, root, letter, code, message, description);
        }
    }

    /// <summary>Throws unless the status is success or info.</summary>
    /// <exception cref="MinerProtocolException">The miner answered with an error status.</exception>
    public CgminerReply EnsureSuccess()
    {
        if (!IsSuccess)
        {
            throw new MinerProtocolException($"'{Command}' failed: {StatusLetter} {Code} {Message}".TrimEnd());
        }

        return this;
    }

    /// <summary>The first object of section <paramref name="name"/> (e.g. <c>SUMMARY</c>), if present.</summary>
    public bool TryGetFirst(string name, out JsonElement first)
    {
        first = default;
        if (TryGetSection(name, out var section) && section.ValueKind == JsonValueKind.Array && section.GetArrayLength() > 0)
        {
            first = section[0];
            return true;
        }

        return false;
    }

    /// <summary>Section <paramref name="name"/> as it is, if present.</summary>
    public bool TryGetSection(string name, out JsonElement section)
    {
        section = default;
        return Root.ValueKind == JsonValueKind.Object && TryGetProperty(Root, name, out section);
    }

    /// <summary>Looks up a property by name, case-insensitively (the last one wins on repeated keys).</summary>
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        var found = false;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                found = true;
            }
        }

        return found;
    }

    private static string Text(JsonElement element, string name) =>
        TryGetProperty(element, name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText() : "";
}
