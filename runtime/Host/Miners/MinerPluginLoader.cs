using System.Reflection;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Host.Miners;

/// <summary>
/// Finds the miner driver factories in the plugin assemblies the config names: every public,
/// concrete <see cref="IMinerDriverFactory"/> with a public parameterless constructor. A plugin may hold apps
/// instead (see <see cref="Configuration.AppCatalog"/>); one that holds neither is an error.
/// </summary>
internal static class MinerPluginLoader
{
    /// <summary>Loads <paramref name="names"/> from <paramref name="folder"/>.</summary>
    /// <exception cref="PluginLoadException">A plugin is missing, unloadable or holds no driver.</exception>
    public static IReadOnlyList<IMinerDriverFactory> Load(string folder, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(names);
        var factories = new List<IMinerDriverFactory>();
        foreach (var name in names)
        {
            var assembly = PluginAssemblies.Load(folder, name);
            var path = assembly.Location;
            var found = FactoriesIn(assembly, name, path);
            if (found.Count == 0 && !Configuration.AppCatalog.HoldsApps(assembly))
            {
                throw new PluginLoadException(
                    $"plugins.load: '{name}' ({path}) holds no public class implementing IMinerDriverFactory with a public parameterless constructor, and no app.");
            }

            factories.AddRange(found);
        }

        return factories;
    }

    private static List<IMinerDriverFactory> FactoriesIn(Assembly assembly, string name, string path)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new PluginLoadException($"plugins.load: '{name}' ({path}) needs an assembly that is missing: {e.Message}", e);
        }

        var factories = new List<IMinerDriverFactory>();
        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMinerDriverFactory).IsAssignableFrom(t)))
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            try
            {
                factories.Add((IMinerDriverFactory)Activator.CreateInstance(type)!);
            }
            catch (TargetInvocationException e)
            {
                throw new PluginLoadException($"plugins.load: '{name}': creating {type.FullName} failed: {e.InnerException?.Message}", e);
            }
        }

        return factories;
    }
}
