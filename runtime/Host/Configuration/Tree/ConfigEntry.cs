namespace ProofOfHeat.Host.Configuration.Tree;

/// <summary>A key of a mapping with its value.</summary>
/// <param name="Key">The key as written.</param>
/// <param name="KeyLocation">Where the key is written.</param>
/// <param name="Value">Its value.</param>
internal sealed record ConfigEntry(string Key, ConfigLocation KeyLocation, ConfigNode Value);
