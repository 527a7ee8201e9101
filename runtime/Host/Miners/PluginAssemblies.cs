using System.Collections.Concurrent;
using System.Reflection;

namespace ProofOfHeat.Host.Miners;

/// <summary>
/// Loads plugin assemblies (miner drivers, apps, or both) from the plugins folder, each in its own
/// <see cref="PluginLoadContext"/>, once per process: the config loader finds a plugin's apps and the driver
/// catalog its drivers in the very same assembly, so their types are the same types.
/// </summary>
internal static class PluginAssemblies
{
    // A plugin context is never unloaded, so a second load would only duplicate the assembly in memory.
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The plugin <paramref name="name"/> in <paramref name="folder"/> (<c>NAME.dll</c> or <c>NAME/NAME.dll</c>).</summary>
    /// <exception cref="PluginLoadException">It is missing or not a .NET assembly the brain can load.</exception>
    public static Assembly Load(string folder, string name)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(name);
        var path = Locate(folder, name);
        var lazy = Loaded.GetOrAdd(path, p => new Lazy<Assembly>(() => new PluginLoadContext(p).LoadFromAssemblyPath(p)));
        try
        {
            return lazy.Value;
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
        {
            Loaded.TryRemove(path, out _);
            throw new PluginLoadException($"plugins.load: '{name}' ({path}) is not a .NET assembly the brain can load: {e.Message}", e);
        }
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
}
