using ProofOfHeat.Host.Api;

namespace ProofOfHeat.Host.Tests.Api;

internal sealed class FakeAppControl : IAppControl
{
    private readonly Dictionary<string, bool> _apps = new(StringComparer.Ordinal) { ["heating"] = true, ["safety"] = true };

    public IReadOnlyList<AppInfo> List() => _apps.Select(a => new AppInfo(a.Key, a.Value, "running", null)).ToList();

    public Task SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken)
    {
        if (!_apps.ContainsKey(id))
        {
            throw new KeyNotFoundException(id);
        }

        _apps[id] = enabled;
        return Task.CompletedTask;
    }
}
