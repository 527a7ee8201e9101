using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.HomeAssistant;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// Whether the brain is fit to run, for <c>/healthz</c> and so for the add-on's watchdog: the host's lifetime
/// (starting → running → stopping), then whether the home backend gave up for good (Home Assistant rejected the
/// token: nothing but a restart with a new token helps) and whether every safety app (one that keeps running
/// without HA, such as the miner fleet's overheat protection) is up.
/// </summary>
internal sealed class HostHealth
{
    private readonly IHostApplicationLifetime _lifetime;
    private readonly HomeRuntime? _runtime;
    private readonly HashSet<string> _safetyApps;

    /// <summary>Creates the health view of <paramref name="lifetime"/>, the app runtime and its app descriptors.</summary>
    public HostHealth(IHostApplicationLifetime lifetime, HomeRuntime? runtime = null, IEnumerable<AppDescriptor>? apps = null)
    {
        _lifetime = lifetime;
        _runtime = runtime;
        _safetyApps = [.. (apps ?? []).Where(a => a.KeepRunningWhenDisconnected).Select(a => a.Id)];
    }

    /// <summary><c>starting</c>, <c>ok</c> or <c>stopping</c>: the host's lifetime alone.</summary>
    public string Status => _lifetime.ApplicationStopping.IsCancellationRequested
        ? "stopping"
        : _lifetime.ApplicationStarted.IsCancellationRequested ? "ok" : "starting";

    /// <summary>Whether every service has started and none is stopping.</summary>
    public bool IsRunning => Status == "ok";

    /// <summary>The verdict for <c>/healthz</c>.</summary>
    public HealthVerdict Check()
    {
        if (!IsRunning)
        {
            return new HealthVerdict(false, Status, Status == "starting" ? "the brain is starting" : "the brain is stopping");
        }

        if (_runtime?.BackendFailure is { } failure)
        {
            return new HealthVerdict(false, "unhealthy", failure is HomeAssistantAuthenticationException
                ? "Home Assistant rejected the access token"
                : $"the connection to {_runtime.BackendName} stopped for good");
        }

        var down = _runtime?.Apps.FirstOrDefault(a => _safetyApps.Contains(a.Id) && a.Enabled && a.State == AppRunState.Error);
        return down is null
            ? new HealthVerdict(true, "ok", null)
            : new HealthVerdict(false, "unhealthy", $"the safety app `{down.Id}` is down");
    }
}
