namespace ProofOfHeat.AppModel.Runtime;

/// <summary>Settings of the app runtime.</summary>
public sealed class HomeRuntimeOptions
{
    /// <summary>Events each app may have queued before the oldest are dropped.</summary>
    /// <value>1,024, as NetDaemon (and HA's own per-client limit).</value>
    public int AppQueueCapacity { get; set; } = 1024;
}
