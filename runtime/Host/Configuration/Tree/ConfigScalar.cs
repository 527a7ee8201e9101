namespace ProofOfHeat.Host.Configuration.Tree;

/// <summary>A single value, kept as text until it is bound to its CLR type.</summary>
/// <param name="Value">The text, or null for YAML <c>null</c>, <c>~</c> or an empty value.</param>
/// <param name="IsSecret">Whether it came from <c>!secret</c>: its text is then never echoed in errors.</param>
/// <param name="Location">Where it starts.</param>
internal sealed record ConfigScalar(string? Value, bool IsSecret, ConfigLocation Location) : ConfigNode(Location)
{
    /// <summary>The value as errors may show it: quoted, or a placeholder for secrets.</summary>
    public string Display => IsSecret ? "(a secret)" : Value is null ? "null" : $"\"{Value}\"";
}
