namespace ProofOfHeat.AppModel.Apps;

/// <summary>Options with every default: what an app gets when nothing is configured.</summary>
public sealed class DefaultAppOptionsProvider : IAppOptionsProvider
{
    /// <inheritdoc />
    public object GetOptions(string appId, Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        return Activator.CreateInstance(optionsType)
            ?? throw new InvalidOperationException($"Cannot create default options {optionsType.Name} for app {appId}.");
    }
}
