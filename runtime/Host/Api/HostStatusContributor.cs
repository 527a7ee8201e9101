using System.Reflection;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Host.Storage;

namespace ProofOfHeat.Host.Api;

/// <summary>The host's own section of the status document: version, mode, uptime and store.</summary>
internal sealed class HostStatusContributor : IStatusContributor
{
    private readonly BrainHostSettings _settings;
    private readonly RuntimeStore _store;
    private readonly HostHealth _health;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _startedAt;

    /// <summary>Creates the contributor; uptime counts from here.</summary>
    public HostStatusContributor(BrainHostSettings settings, RuntimeStore store, HostHealth health, TimeProvider time)
    {
        _settings = settings;
        _store = store;
        _health = health;
        _time = time;
        _startedAt = time.GetUtcNow();
    }

    /// <inheritdoc />
    public string Name => "host";

    /// <inheritdoc />
    public object GetStatus() => new
    {
        version = Version,
        mode = _settings.Mode.ToString().ToLowerInvariant(),
        status = _health.Status,
        unhealthyBecause = _health.Check().Reason,
        addon = _settings.Config.IsAddon,
        startedAt = _startedAt,
        uptimeSeconds = Math.Round((_time.GetUtcNow() - _startedAt).TotalSeconds),
        store = new { path = _store.Path, schemaVersion = _store.SchemaVersion },
        memory = new
        {
            residentBytes = Environment.WorkingSet,
            gcHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
            // What the GC holds from the OS (live objects plus free space in its regions): its share of residentBytes.
            gcCommittedBytes = GC.GetGCMemoryInfo().TotalCommittedBytes,
            collections = new { gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2) },
        },
    };

    /// <summary>The informational version of the <c>poh</c> assembly.</summary>
    public static string Version =>
        typeof(HostStatusContributor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
