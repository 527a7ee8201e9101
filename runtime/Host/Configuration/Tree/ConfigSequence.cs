namespace ProofOfHeat.Host.Configuration.Tree;

/// <summary>A list of nodes.</summary>
/// <param name="Items">The items in order.</param>
/// <param name="Location">Where the list starts.</param>
internal sealed record ConfigSequence(IReadOnlyList<ConfigNode> Items, ConfigLocation Location) : ConfigNode(Location);
