using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Hands each app the options the configuration bound and validated for it under
/// <c>apps.&lt;id&gt;</c>, or the type's defaults when the section is absent.
/// </summary>
internal sealed class ConfiguredAppOptionsProvider(IReadOnlyDictionary<string, AppSection> apps) : IAppOptionsProvider
{
    private readonly DefaultAppOptionsProvider _defaults = new();

    /// <inheritdoc />
    public object GetOptions(string appId, Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        if (apps.TryGetValue(appId, out var section) && section.Options is { } configured)
        {
            // The schema binds the section to the type the app registered; a different type here means
            // the app asks for options it did not register, which is a programming error.
            return optionsType.IsInstanceOfType(configured)
                ? configured
                : throw new InvalidOperationException(
                    $"App {appId} asks for {optionsType.Name}, but its config section is bound to {configured.GetType().Name}.");
        }

        return _defaults.GetOptions(appId, optionsType);
    }
}
