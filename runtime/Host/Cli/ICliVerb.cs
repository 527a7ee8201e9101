namespace ProofOfHeat.Host.Cli;

/// <summary>
/// One verb of the command line (<c>poh run</c>, <c>poh demo</c> …). Add a verb by implementing
/// this and listing it in <see cref="CliApp"/>; parsing, usage and errors come for free.
/// </summary>
internal interface ICliVerb
{
    /// <summary>The verb as typed, such as <c>check-config</c>; may hold a space for nested verbs (<c>miners probe</c>).</summary>
    string Name { get; }

    /// <summary>One line for the general usage.</summary>
    string Summary { get; }

    /// <summary>The flags it accepts.</summary>
    IReadOnlyList<CliFlag> Flags { get; }

    /// <summary>The positional arguments in usage (<c>HOST</c>), or empty when it takes none.</summary>
    IReadOnlyList<string> Positionals { get; }

    /// <summary>Runs the verb; returns the exit code.</summary>
    Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken);
}
