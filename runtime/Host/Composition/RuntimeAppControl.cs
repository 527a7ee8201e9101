using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Host.Api;

namespace ProofOfHeat.Host.Composition;

/// <summary>The app runtime behind <c>/api/apps</c>.</summary>
internal sealed class RuntimeAppControl(HomeRuntime runtime) : IAppControl
{
    /// <inheritdoc />
    public IReadOnlyList<AppInfo> List() =>
        [.. runtime.Apps.Select(app => new AppInfo(app.Id, app.Enabled, app.State.ToString().ToLowerInvariant(), app.LastError))];

    /// <inheritdoc />
    public Task SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken) =>
        runtime.SetEnabledAsync(id, enabled, cancellationToken);
}
