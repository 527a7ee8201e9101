using System.Reflection;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Host.Miners;

/// <summary>
/// A built-in family's driver, shipped as its own assembly beside the host and loaded the first time the family is
/// used (a configured miner, a probe): a brain whose config names two families maps two driver assemblies, not seven.
/// </summary>
/// <param name="family">The family (<see cref="MinerFamilies"/>), known without loading the driver.</param>
/// <param name="assemblyName">The driver's assembly, beside the host.</param>
/// <param name="factoryType">The factory's full type name in that assembly.</param>
internal sealed class BuiltInMinerDriver(string family, string assemblyName, string factoryType) : IMinerDriverFactory
{
    private readonly Lazy<IMinerDriverFactory> _factory = new(() => Load(assemblyName, factoryType));

    /// <inheritdoc />
    public string Family => family;

    /// <inheritdoc />
    public string DisplayName => _factory.Value.DisplayName;

    /// <summary>Whether the driver's assembly has been loaded (tests).</summary>
    public bool IsLoaded => _factory.IsValueCreated;

    /// <inheritdoc />
    public int Recognise(MinerProbeEvidence evidence) => _factory.Value.Recognise(evidence);

    /// <inheritdoc />
    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => _factory.Value.Create(endpoint, context);

    private static IMinerDriverFactory Load(string assemblyName, string factoryType)
    {
        var type = Assembly.Load(new AssemblyName(assemblyName)).GetType(factoryType, throwOnError: true)!;
        return (IMinerDriverFactory)Activator.CreateInstance(type)!;
    }
}
