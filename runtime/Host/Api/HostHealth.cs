namespace ProofOfHeat.Host.Api;

/// <summary>Whether the host is up, from the application lifetime: starting → running → stopping.</summary>
internal sealed class HostHealth
{
    private readonly IHostApplicationLifetime _lifetime;

    /// <summary>Creates the health view of <paramref name="lifetime"/>.</summary>
    public HostHealth(IHostApplicationLifetime lifetime) => _lifetime = lifetime;

    /// <summary><c>starting</c>, <c>ok</c> or <c>stopping</c>.</summary>
    public string Status => _lifetime.ApplicationStopping.IsCancellationRequested
        ? "stopping"
        : _lifetime.ApplicationStarted.IsCancellationRequested ? "ok" : "starting";

    /// <summary>Whether every service has started and none is stopping.</summary>
    public bool IsRunning => Status == "ok";
}
