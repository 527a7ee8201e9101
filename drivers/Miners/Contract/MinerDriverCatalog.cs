namespace ProofOfHeat.Drivers.Miners;

/// <summary>
/// The firmware families the brain knows: the built-in drivers and those loaded from plugins,
/// looked up by family id.
/// </summary>
public sealed class MinerDriverCatalog
{
    private readonly Dictionary<string, IMinerDriverFactory> _byFamily = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the catalog.</summary>
    /// <exception cref="ArgumentException">Two factories claim the same family.</exception>
    public MinerDriverCatalog(IEnumerable<IMinerDriverFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        foreach (var factory in factories)
        {
            if (!_byFamily.TryAdd(factory.Family, factory))
            {
                throw new ArgumentException(
                    $"Two miner drivers claim the family '{factory.Family}': {_byFamily[factory.Family].GetType().FullName} and {factory.GetType().FullName}.",
                    nameof(factories));
            }
        }

        Factories = [.. _byFamily.Values.OrderBy(f => f.Family, StringComparer.Ordinal)];
    }

    /// <summary>Every factory, ordered by family id.</summary>
    public IReadOnlyList<IMinerDriverFactory> Factories { get; }

    /// <summary>The factory for <paramref name="family"/>.</summary>
    /// <exception cref="KeyNotFoundException">No driver has that family; the message lists the known ones.</exception>
    public IMinerDriverFactory Get(string family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return _byFamily.TryGetValue(family, out var factory)
            ? factory
            : throw new KeyNotFoundException(
                $"No miner driver for family '{family}'. Known families: {string.Join(", ", Factories.Select(f => f.Family))}.");
    }

    /// <summary>Whether a driver for <paramref name="family"/> is loaded.</summary>
    public bool Contains(string family) => _byFamily.ContainsKey(family);

    /// <summary>Creates a driver of <paramref name="family"/> for <paramref name="endpoint"/>.</summary>
    public IMinerDriver Create(string family, MinerEndpoint endpoint, MinerDriverContext context) =>
        Get(family).Create(endpoint, context);
}
