using System.Reflection;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Host.Miners;

/// <summary>
/// Finds the miner driver factories in the plugin assemblies the config names: every public,
/// concrete <see cref="IMinerDriverFactory"/> with a public parameterless constructor.
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
            var path = Locate(folder, name);
            Assembly assembly;
            try
            {
                assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
            {
                throw new PluginLoadException($"plugins.load: '{name}' ({path}) is not a .NET assembly the brain can load: {e.Message}", e);
            }

            var found = FactoriesIn(assembly, name, path);
            if (found.Count == 0)
            {
                throw new PluginLoadException(
                    $"plugins.load: '{name}' ({path}) holds no public class implementing IMinerDriverFactory with a public parameterless constructor.");
            }

            factories.AddRange(found);
        }

        return factories;
    }

    private static string Locate(string folder, string name)
    {
        var file = name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? name : name + ".dll";
        string[] candidates = [Path.Combine(folder, file), Path.Combine(folder, Path.GetFileNameWithoutExtension(file), file)];
        return candidates.FirstOrDefault(File.Exists) is { } found
            ? Path.GetFullPath(found)
            : throw new PluginLoadException(
                $"plugins.load: '{name}' not found: looked for {string.Join(" and ", candidates.Select(Path.GetFullPath))}. "
                + "Copy the plugin's build output there, or remove the name from plugins.load.");
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
