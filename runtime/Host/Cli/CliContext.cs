using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Cli;

/// <summary>What a verb runs with: the console, the environment and the clock, passed in so tests can supply their own.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Environment">The environment variables.</param>
/// <param name="WorkingDirectory">The current directory.</param>
/// <param name="Time">The clock.</param>
/// <param name="Verbs">The verbs, when not the brain's own (<see cref="CliApp.Verbs"/>).</param>
/// <param name="Apps">The apps that may be configured under <c>apps:</c>.</param>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    TimeProvider Time,
    AppCatalog Apps,
    IReadOnlyList<ICliVerb>? Verbs = null)
{
    /// <summary>The verbs this program offers: <see cref="CliApp.Verbs"/> unless another program (the demo) adds its own.</summary>
    public IReadOnlyList<ICliVerb> AllVerbs => Verbs ?? CliApp.Verbs;
}
