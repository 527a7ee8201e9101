using ProofOfHeat.Host.Cli;

namespace ProofOfHeat.Demo;

/// <summary>What the demo program offers on its command line.</summary>
internal static class DemoProgram
{
    /// <summary><c>demo</c> and <c>help</c>; the brain's other verbs belong to <c>poh</c>.</summary>
    public static IReadOnlyList<ICliVerb> Verbs { get; } = [new DemoVerb(), new HelpVerb()];
}
