using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Configuration;

/// <summary>One problem found in the configuration, stated so that the user can fix it without reading code.</summary>
/// <param name="Location">Where the problem is (<c>FILE:LINE:COLUMN</c> or a source name).</param>
/// <param name="KeyPath">The dotted key path, such as <c>http.port</c>; empty for the whole document.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Fix">What to do about it.</param>
internal sealed record ConfigError(ConfigLocation Location, string KeyPath, string Problem, string Fix)
{
    /// <summary>Formats as <c>FILE:LINE:COLUMN: key.path: problem. fix</c>.</summary>
    public override string ToString()
    {
        var path = KeyPath.Length > 0 ? $"{KeyPath}: " : string.Empty;
        var stop = Problem.EndsWith('?') || Problem.EndsWith('.') ? string.Empty : ".";
        var end = Fix.EndsWith('?') || Fix.EndsWith('.') ? string.Empty : ".";
        return $"{Location}: {path}{Problem}{stop} {Fix}{end}";
    }
}
