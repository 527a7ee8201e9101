namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// The apps the configuration may name under <c>apps:</c>, each with the CLR type of its options,
/// so that per-app sections are validated like the rest. The composition fills it before the
/// configuration is loaded.
/// </summary>
internal sealed class AppOptionsSchema
{
    private readonly Dictionary<string, Type?> _apps = new(StringComparer.Ordinal);

    /// <summary>The registered app ids.</summary>
    public IEnumerable<string> AppIds => _apps.Keys;

    /// <summary>Registers an app whose section holds only <c>enabled</c>.</summary>
    public AppOptionsSchema Register(string appId) => Add(appId, null);

    /// <summary>Registers an app whose options are bound to <typeparamref name="TOptions"/>.</summary>
    public AppOptionsSchema Register<TOptions>(string appId)
        where TOptions : class => Add(appId, typeof(TOptions));

    /// <summary>Registers an app whose options are bound to <paramref name="optionsType"/> (null for none).</summary>
    public AppOptionsSchema Register(string appId, Type? optionsType) => Add(appId, optionsType);

    /// <summary>Finds the options type of <paramref name="appId"/>; false when the id is not registered.</summary>
    public bool TryGet(string appId, out Type? optionsType) => _apps.TryGetValue(appId, out optionsType);

    private AppOptionsSchema Add(string appId, Type? optionsType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        if (optionsType is not null && optionsType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"{optionsType.FullName} needs a public parameterless constructor.", nameof(optionsType));
        }

        if (!_apps.TryAdd(appId, optionsType))
        {
            throw new ArgumentException($"App `{appId}` is registered twice.", nameof(appId));
        }

        return this;
    }
}
