namespace ProofOfHeat.AppModel.Apps;

/// <summary>Gives each app its options, bound and validated by the host from <c>apps.&lt;id&gt;</c>.</summary>
public interface IAppOptionsProvider
{
    /// <summary>Returns the options of app <paramref name="appId"/> as <paramref name="optionsType"/> (defaults when none are configured).</summary>
    object GetOptions(string appId, Type optionsType);
}
