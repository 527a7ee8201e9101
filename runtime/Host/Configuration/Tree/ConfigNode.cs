namespace ProofOfHeat.Host.Configuration.Tree;

/// <summary>
/// One node of a configuration source (YAML file, add-on options, environment), kept with its
/// location so that every validation error can point at the line that caused it.
/// </summary>
/// <param name="Location">Where the node starts.</param>
internal abstract record ConfigNode(ConfigLocation Location);
