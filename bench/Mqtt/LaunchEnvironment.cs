namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// The environment the launchers give the brain: <c>launch.env</c> beside the executable (runtime/Host/Hosting), one
/// <c>NAME=value</c> a line, as <c>./poh</c> reads it (GC and glibc malloc settings that have no runtimeconfig name).
/// </summary>
internal static class LaunchEnvironment
{
    /// <summary>The variables of the <c>launch.env</c> beside <paramref name="executable"/> (none without one).</summary>
    public static IReadOnlyDictionary<string, string> Of(string executable)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(executable))!, "launch.env");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.Exists(path) ? File.ReadLines(path) : [])
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length > 0 && line[0] != '#' && equals > 0)
            {
                variables[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return variables;
    }
}
