namespace ProofOfHeat.Host.Configuration;

/// <summary>Marks an options property whose value must never be logged or echoed (tokens, passwords).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
internal sealed class SecretAttribute : Attribute;
