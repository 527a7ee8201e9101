namespace ProofOfHeat.Host.Configuration;

/// <summary>Overrides the config key of an options property (by default its name in snake_case).</summary>
/// <param name="key">The key as written in YAML.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
internal sealed class ConfigKeyAttribute(string key) : Attribute
{
    /// <summary>The key as written in YAML.</summary>
    public string Key { get; } = key;
}
