namespace ProofOfHeat.Host.Api;

/// <summary>
/// Lists the apps and switches them on and off, for <c>/api/apps</c>. The app runtime implements
/// it; while none is registered those endpoints answer 503.
/// </summary>
internal interface IAppControl
{
    /// <summary>Every app with its switch and state.</summary>
    IReadOnlyList<AppInfo> List();

    /// <summary>
    /// Switches an app on or off, storing the switch durably before returning.
    /// Throws <see cref="KeyNotFoundException"/> for an unknown id.
    /// </summary>
    Task SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken);
}
