namespace ProofOfHeat.NodeRed.Tests.Support;

/// <summary>The tests that share one <see cref="HomeWorld"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SharedHome : ICollectionFixture<HomeWorld>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Node-RED home";
}
