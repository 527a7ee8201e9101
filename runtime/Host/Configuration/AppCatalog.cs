using System.Reflection;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Host.Miners;

namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// The apps the brain has, found rather than listed: every <c>[HomeApp]</c> class and every
/// <see cref="IHomeAppModule"/> in the app assemblies shipped beside the host (<c>ProofOfHeat.Apps.*.dll</c>) and in
/// the plugin assemblies the config names. Each app's section under <c>apps:</c> binds to the options type of its
/// <see cref="IAppConfig{T}"/> constructor parameter, so sections are validated like the rest of the config.
/// </summary>
internal sealed class AppCatalog
{
    /// <summary>The file names of the app assemblies the brain ships beside itself.</summary>
    public const string ShippedAppsPattern = "ProofOfHeat.Apps.*.dll";

    private readonly Dictionary<string, Type?> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AppDescriptor> _apps = new(StringComparer.Ordinal);
    private readonly List<IHomeAppModule> _modules = [];
    private readonly HashSet<Assembly> _assemblies = [];

    /// <summary>The ids that may appear under <c>apps:</c>.</summary>
    public IEnumerable<string> AppIds => _options.Keys;

    /// <summary>The app classes found, by id.</summary>
    public IReadOnlyCollection<AppDescriptor> Apps => _apps.Values;

    /// <summary>The app assemblies' service registrations, in the order their assemblies were added.</summary>
    public IReadOnlyList<IHomeAppModule> Modules => _modules;

    /// <summary>
    /// The apps shipped beside the host: every <see cref="ShippedAppsPattern"/> assembly in
    /// <paramref name="directory"/> (the host's own folder by default).
    /// </summary>
    public static AppCatalog Shipped(string? directory = null)
    {
        var catalog = new AppCatalog();
        foreach (var file in Directory.GetFiles(directory ?? AppContext.BaseDirectory, ShippedAppsPattern).Order(StringComparer.Ordinal))
        {
            // Loaded by name into the default context, as a referenced assembly would be: the host's deps.json lists them.
            catalog.Add(Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(file))));
        }

        return catalog;
    }

    /// <summary>Registers an app id whose section holds only <c>enabled</c> (no class: config tests).</summary>
    public AppCatalog Register(string appId) => Register(appId, null);

    /// <summary>Registers an app id whose options are bound to <typeparamref name="TOptions"/> (no class: config tests).</summary>
    public AppCatalog Register<TOptions>(string appId)
        where TOptions : class => Register(appId, typeof(TOptions));

    /// <summary>Registers an app id whose options are bound to <paramref name="optionsType"/> (null for none).</summary>
    /// <exception cref="ArgumentException">The id is taken, or the options type cannot be created.</exception>
    public AppCatalog Register(string appId, Type? optionsType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        if (optionsType is not null && optionsType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"{optionsType.FullName} needs a public parameterless constructor.", nameof(optionsType));
        }

        if (!_options.TryAdd(appId, optionsType))
        {
            throw new ArgumentException($"App `{appId}` is registered twice.", nameof(appId));
        }

        return this;
    }

    /// <summary>Adds the apps and modules of <paramref name="assembly"/> (once; adding it again does nothing).</summary>
    /// <exception cref="ArgumentException">An app id is taken by another app.</exception>
    public AppCatalog Add(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (!_assemblies.Add(assembly))
        {
            return this;
        }

        foreach (var app in AppDescriptor.FindIn(assembly))
        {
            if (_apps.TryGetValue(app.Id, out var taken))
            {
                throw new ArgumentException($"App `{app.Id}` of {app.AppType.FullName} has the id of {taken.AppType.FullName}.", nameof(assembly));
            }

            Register(app.Id, AppDescriptor.OptionsTypeOf(app.AppType));
            _apps.Add(app.Id, app);
        }

        _modules.AddRange(ModulesIn(assembly));
        return this;
    }

    /// <summary>Loads <paramref name="names"/> from the plugins <paramref name="folder"/> and adds their apps.</summary>
    /// <exception cref="PluginLoadException">A plugin is missing or unloadable.</exception>
    /// <exception cref="ArgumentException">A plugin's app takes an id already taken.</exception>
    public void AddPlugins(string folder, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            Add(PluginAssemblies.Load(folder, name));
        }
    }

    /// <summary>Finds the options type of <paramref name="appId"/>; false when the id is not registered.</summary>
    public bool TryGet(string appId, out Type? optionsType) => _options.TryGetValue(appId, out optionsType);

    /// <summary>Whether <paramref name="assembly"/> holds an app or a module.</summary>
    public static bool HoldsApps(Assembly assembly) => AppDescriptor.FindIn(assembly).Any() || ModulesIn(assembly).Any();

    private static IEnumerable<IHomeAppModule> ModulesIn(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IHomeAppModule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IHomeAppModule)Activator.CreateInstance(t)!);
}
