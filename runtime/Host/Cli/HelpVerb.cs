namespace ProofOfHeat.Host.Cli;

/// <summary><c>poh help [verb]</c>: the usage, general or for one verb.</summary>
internal sealed class HelpVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "help";

    /// <inheritdoc />
    public string Summary => "show this help, or a verb's flags (`poh help demo`)";

    /// <inheritdoc />
    public IReadOnlyList<CliFlag> Flags { get; } = [];

    /// <inheritdoc />
    public IReadOnlyList<string> Positionals { get; } = [];

    /// <inheritdoc />
    public Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        UsageText.Write(context.Out, context.AllVerbs);
        return Task.FromResult(ExitCodes.Ok);
    }
}
