namespace ProofOfHeat.Host.Cli;

/// <summary>Parses a verb's arguments: <c>--flag value</c>, <c>--flag=value</c>, switches and positionals.</summary>
internal static class CliParser
{
    /// <summary>Parses <paramref name="args"/> (the words after the verb) against <paramref name="verb"/>'s flags.</summary>
    public static CliArguments Parse(ICliVerb verb, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (!word.StartsWith('-') || word == "-")
            {
                positionals.Add(word);
                continue;
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? word[..equals] : word;
            var flag = verb.Flags.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
                ?? throw new CliUsageException($"unknown flag `{name}` for `{verb.Name}`", verb.Name);
            if (values.ContainsKey(name))
            {
                throw new CliUsageException($"flag `{name}` is given twice", verb.Name);
            }

            if (flag.ValueName is null)
            {
                values[name] = equals > 0 ? throw new CliUsageException($"flag `{name}` takes no value", verb.Name) : string.Empty;
            }
            else if (equals > 0)
            {
                values[name] = word[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                values[name] = args[++i];
            }
            else
            {
                throw new CliUsageException($"flag `{name}` needs a value ({flag.ValueName})", verb.Name);
            }
        }

        if (positionals.Count > verb.Positionals.Count)
        {
            throw new CliUsageException($"unexpected argument `{positionals[verb.Positionals.Count]}` for `{verb.Name}`", verb.Name);
        }

        if (positionals.Count < verb.Positionals.Count)
        {
            throw new CliUsageException($"`{verb.Name}` needs {verb.Positionals[positionals.Count]}", verb.Name);
        }

        return new CliArguments(verb.Name, values, positionals);
    }
}
