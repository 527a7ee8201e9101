namespace ProofOfHeat.Host.Configuration.Tree;

/// <summary>Where a configuration value came from: a file position, or a named source such as an environment variable.</summary>
/// <param name="Source">The file path or the source's name.</param>
/// <param name="Line">The 1-based line, or 0 when the source has no lines.</param>
/// <param name="Column">The 1-based column, or 0 when the source has no lines.</param>
internal sealed record ConfigLocation(string Source, int Line, int Column)
{
    /// <summary>The built-in defaults, for errors about values nobody wrote.</summary>
    public static ConfigLocation Defaults { get; } = new("built-in defaults", 0, 0);

    /// <summary>A location without lines, such as an environment variable.</summary>
    public static ConfigLocation Named(string source) => new(source, 0, 0);

    /// <summary>Formats as <c>FILE:LINE:COLUMN</c>, or just the source when it has no lines.</summary>
    public override string ToString() => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
}
