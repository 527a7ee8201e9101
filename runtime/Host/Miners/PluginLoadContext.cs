using System.Reflection;
using System.Runtime.Loader;

namespace ProofOfHeat.Host.Miners;

/// <summary>
/// Loads one plugin with its own dependencies, but takes the contracts it shares with the brain
/// (our assemblies, Microsoft.Extensions.*, the framework, and whatever else the brain ships beside itself, such
/// as System.Reactive for apps) from the brain, so the plugin's <c>IMinerDriverFactory</c>, <c>[HomeApp]</c> and
/// <c>IObservable</c> sources are the very types the brain uses.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssemblyPath))
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name ?? string.Empty;
        if (name.StartsWith("ProofOfHeat.", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
            || Default.Assemblies.Any(a => a.GetName().Name == name)
            || File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".dll")))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
