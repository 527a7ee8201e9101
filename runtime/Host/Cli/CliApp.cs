using ProofOfHeat.Host.Api;

namespace ProofOfHeat.Host.Cli;

/// <summary>
/// Dispatches the command line to a verb. A usage error (unknown verb or flag, bad value) prints
/// one line naming it plus the usage, and exits 2.
/// </summary>
internal static class CliApp
{
    /// <summary>
    /// The production brain's verbs, in the order usage lists them. <c>demo</c> is not among them: the demo house and
    /// its simulators are their own program (sim/Demo), which adds its verb to these.
    /// </summary>
    public static IReadOnlyList<ICliVerb> Verbs { get; } =
    [
        new RunVerb(),
        new CheckConfigVerb(),
        new MinersProbeVerb(),
        new MinersSetVerb(),
        new ReportVerb(),
        new DashboardsVerb(),
        new AliceVerb(),
        new HelpVerb(),
    ];

    /// <summary>Runs the command line <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var verbs = context.AllVerbs;
        if (args.Count == 0)
        {
            UsageText.Write(context.Error, verbs);
            return ExitCodes.Usage;
        }

        switch (args[0])
        {
            case "--help" or "-h":
                UsageText.Write(context.Out, verbs);
                return ExitCodes.Ok;
            case "--version":
                await context.Out.WriteLineAsync($"poh {HostStatusContributor.Version}");
                return ExitCodes.Ok;
        }

        try
        {
            if (args[0] == "help" && args.Count > 1)
            {
                UsageText.WriteVerb(context.Out, Find(verbs, args.Skip(1).ToList()).Verb);
                return ExitCodes.Ok;
            }

            var (verb, rest) = Find(verbs, args);
            if (rest.Contains("--help") || rest.Contains("-h"))
            {
                UsageText.WriteVerb(context.Out, verb);
                return ExitCodes.Ok;
            }

            return await verb.RunAsync(CliParser.Parse(verb, rest), context, cancellationToken);
        }
        catch (CliUsageException ex)
        {
            await context.Error.WriteLineAsync($"poh: {ex.Message}");
            await context.Error.WriteLineAsync();
            var verb = verbs.FirstOrDefault(v => v.Name == ex.Verb);
            if (verb is null)
            {
                UsageText.Write(context.Error, verbs);
            }
            else
            {
                UsageText.WriteVerb(context.Error, verb);
            }

            return ExitCodes.Usage;
        }
    }

    /// <summary>Finds the verb (the longest name matching the first words) and the words after it.</summary>
    private static (ICliVerb Verb, IReadOnlyList<string> Remaining) Find(IReadOnlyList<ICliVerb> verbs, IReadOnlyList<string> args)
    {
        foreach (var verb in verbs.OrderByDescending(v => v.Name.Length))
        {
            var words = verb.Name.Split(' ');
            if (words.Length <= args.Count && words.Select((w, i) => w == args[i]).All(match => match))
            {
                return (verb, args.Skip(words.Length).ToList());
            }
        }

        var known = verbs.Select(v => v.Name).ToList();
        var suggestion = Configuration.KeySuggester.Suggest(args[0], known);
        var hint = suggestion is null ? string.Empty : $"; did you mean `{suggestion}`?";
        throw new CliUsageException(args[0].StartsWith('-') ? $"unknown flag `{args[0]}`" : $"unknown verb `{args[0]}`{hint}");
    }
}
