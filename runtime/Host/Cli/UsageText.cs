using ProofOfHeat.Host.Api;

namespace ProofOfHeat.Host.Cli;

/// <summary>Writes the usage text, general or for one verb.</summary>
internal static class UsageText
{
    /// <summary>The general usage: every verb with its summary.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<ICliVerb> verbs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(verbs);
        writer.WriteLine($"poh {HostStatusContributor.Version} — the Proof-of-Heat control brain");
        writer.WriteLine();
        writer.WriteLine("usage: poh <verb> [flags]");
        writer.WriteLine();
        writer.WriteLine("verbs:");
        var width = verbs.Max(v => v.Name.Length) + 2;
        foreach (var verb in verbs)
        {
            writer.WriteLine($"  {verb.Name.PadRight(width)}{verb.Summary}");
        }

        writer.WriteLine();
        writer.WriteLine("  --version".PadRight(width + 2) + "print the version");
        writer.WriteLine();
        writer.WriteLine("Run `poh help <verb>` for its flags.");
    }

    /// <summary>One verb's usage with its flags.</summary>
    public static void WriteVerb(TextWriter writer, ICliVerb verb)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(verb);
        var positionals = verb.Positionals.Count == 0 ? string.Empty : " " + string.Join(' ', verb.Positionals);
        writer.WriteLine($"usage: poh {verb.Name}{positionals}{(verb.Flags.Count > 0 ? " [flags]" : string.Empty)}");
        writer.WriteLine($"  {verb.Summary}");
        if (verb.Flags.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        var labels = verb.Flags.Select(f => f.ValueName is null ? f.Name : $"{f.Name} {f.ValueName}").ToList();
        var width = labels.Max(l => l.Length) + 2;
        for (var i = 0; i < verb.Flags.Count; i++)
        {
            writer.WriteLine($"  {labels[i].PadRight(width)}{verb.Flags[i].Help}");
        }
    }
}
