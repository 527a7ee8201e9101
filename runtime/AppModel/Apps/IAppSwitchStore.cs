namespace ProofOfHeat.AppModel.Apps;

/// <summary>
/// Remembers which apps the user switched off, across restarts. The host implements it on its
/// embedded store; an app with no stored switch is on.
/// </summary>
public interface IAppSwitchStore
{
    /// <summary>Returns the stored switch of every app that has one (app id → enabled).</summary>
    Task<IReadOnlyDictionary<string, bool>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Stores one app's switch durably before returning.</summary>
    Task SaveAsync(string appId, bool enabled, CancellationToken cancellationToken);
}
