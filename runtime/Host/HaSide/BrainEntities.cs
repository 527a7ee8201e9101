using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Host.HaSide;

/// <summary>
/// The entities a config makes the brain publish, found the way the brain finds them: every app module of the
/// catalogue registers its services for the configured apps (as <c>BrainComposition</c> does), the entity
/// declarations they register run against a <see cref="DiscoveryCatalogue"/>, and the discovery payloads it writes
/// (the same builder the entity manager publishes with) are read as HA reads them (<see cref="HaEntityIds"/>).
/// No naming rule is repeated here.
/// </summary>
internal sealed class BrainEntities
{
    private readonly Dictionary<(string Device, string Key), HaEntity> _byDeviceKey;

    private BrainEntities(IReadOnlyList<string> payloads, IReadOnlyList<HaEntity> entities)
    {
        Payloads = payloads;
        All = entities;
        _byDeviceKey = entities.ToDictionary(e => (e.DeviceIdentifier, e.Key));
    }

    /// <summary>The discovery config payloads, one per device.</summary>
    public IReadOnlyList<string> Payloads { get; }

    /// <summary>Every entity, as HA names it.</summary>
    public IReadOnlyList<HaEntity> All { get; }

    /// <summary>The entities <paramref name="options"/> makes the brain publish with the apps of <paramref name="catalog"/>.</summary>
    public static BrainEntities For(BrainOptions options, AppCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        var services = new ServiceCollection();
        var running = catalog.Apps
            .Where(app => options.Apps.ContainsKey(app.Id))
            .ToDictionary(app => app.Id, app => options.Apps[app.Id].Options, StringComparer.Ordinal);
        var context = new HomeAppModuleContext(running);
        foreach (var module in catalog.Modules)
        {
            module.AddServices(services, context);
        }

        var payloads = DiscoveryCatalogue.FromServices(services).ConfigMessages().Select(m => m.Value).ToList();
        return new BrainEntities(payloads, HaEntityIds.FromDeviceConfigs(payloads));
    }

    /// <summary>The entity <paramref name="key"/> of the brain's device <paramref name="deviceId"/> (as the app names it), or null.</summary>
    public HaEntity? Find(string deviceId, string key) =>
        _byDeviceKey.GetValueOrDefault(($"{new MqttDiscoveryOptions().NodeId}_{deviceId}", key));

    /// <summary>The entity id of <see cref="Find"/>.</summary>
    /// <exception cref="InvalidOperationException">The config declares no such entity.</exception>
    public string EntityId(string deviceId, string key) =>
        Find(deviceId, key)?.EntityId ?? throw new InvalidOperationException($"The config declares no entity `{key}` on device `{deviceId}`.");
}
