using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// One entity the brain shows in HA. Subclasses are the kinds (climate, switch, number …): they hold the discovery
/// settings as init properties, publish states through typed methods and hand validated commands to the owning app
/// as observables. A handle belongs to one device once declared; its topics are
/// <c>&lt;base&gt;/&lt;device&gt;/&lt;key&gt;/…</c> and its unique id <c>&lt;node&gt;_&lt;device&gt;_&lt;key&gt;</c>, stable across restarts.
/// </summary>
public abstract class MqttDiscoveryEntity : IDisposable
{
    private readonly ConcurrentDictionary<string, string> _states = new(StringComparer.Ordinal);
    private IDiscoveryEntityHost? _host;

    /// <summary>Creates a handle.</summary>
    /// <param name="key">The entity's key within its device (<c>[a-zA-Z0-9_-]</c>); it is the component key in <c>cmps</c>.</param>
    private protected MqttDiscoveryEntity(string key)
    {
        DiscoveryIds.EnsureValid(key, nameof(key));
        Key = key;
    }

    /// <summary>The key within the device.</summary>
    public string Key { get; }

    /// <summary>The HA platform (<c>sensor</c>, <c>climate</c> …).</summary>
    public abstract string Platform { get; }

    /// <summary>The entity name shown after the device name; null (the default) makes the entity take the device name.</summary>
    public string? Name { get; init; }

    /// <summary>An <c>mdi:</c> icon, or null.</summary>
    public string? Icon { get; init; }

    /// <summary><c>config</c> or <c>diagnostic</c>, or null for a primary entity.</summary>
    public string? EntityCategory { get; init; }

    /// <summary>The entity id HA should give the entity when it first appears (<c>climate.poh_zone_living</c>), or null.</summary>
    public string? DefaultEntityId { get; init; }

    /// <summary>False hides a noisy entity until the user enables it.</summary>
    public bool EnabledByDefault { get; init; } = true;

    /// <summary>The device id once declared.</summary>
    public string? DeviceId { get; private set; }

    /// <summary>The unique id once declared.</summary>
    public string? UniqueId { get; private set; }

    /// <summary>The common root of the entity's topics once declared.</summary>
    public string? TopicRoot { get; private set; }

    /// <summary>The last state payload per topic, for re-publishing after a birth message or reconnect.</summary>
    internal IReadOnlyDictionary<string, string> States => _states;

    /// <summary>The suffixes (after <see cref="TopicRoot"/>) of the topics the entity takes commands on.</summary>
    internal abstract IReadOnlyList<string> CommandSuffixes { get; }

    /// <summary>Binds the handle to its device and host; a handle can be declared once.</summary>
    internal void Attach(string nodeId, string deviceId, string baseTopic, IDiscoveryEntityHost host)
    {
        if ((_host is not null && !ReferenceEquals(_host, host)) || (DeviceId is not null && DeviceId != deviceId))
        {
            throw new InvalidOperationException($"Entity '{Key}' is already declared on device '{DeviceId}'.");
        }

        DeviceId = deviceId;
        UniqueId = $"{nodeId}_{deviceId}_{Key}";
        TopicRoot = $"{baseTopic}/{deviceId}/{Key}";
        _host = host;
    }

    /// <summary>The full topic for <paramref name="suffix"/>.</summary>
    internal string Topic(string suffix) =>
        $"{TopicRoot ?? throw new InvalidOperationException($"Entity '{Key}' is not declared yet.")}/{suffix}";

    /// <summary>Writes the component config (with abbreviated keys) into <paramref name="component"/>.</summary>
    internal void WriteComponent(JsonObject component)
    {
        component["p"] = Platform;
        component["uniq_id"] = UniqueId;
        component["name"] = Name;
        if (Icon is not null)
        {
            component["ic"] = Icon;
        }

        if (EntityCategory is not null)
        {
            component["ent_cat"] = EntityCategory;
        }

        if (DefaultEntityId is not null)
        {
            component["def_ent_id"] = DefaultEntityId;
        }

        if (!EnabledByDefault)
        {
            component["en"] = false;
        }

        WritePlatformKeys(component);
    }

    /// <summary>Checks the settings when the entity is declared; throws <see cref="ArgumentException"/>.</summary>
    internal virtual void Validate()
    {
    }

    /// <summary>Writes the platform's own keys.</summary>
    private protected abstract void WritePlatformKeys(JsonObject component);

    /// <summary>Validates a command payload that arrived on the topic with <paramref name="suffix"/> and, when valid,
    /// hands it to the owning app.</summary>
    internal abstract CommandOutcome HandleCommand(string suffix, string payload);

    /// <summary>A command payload as it may be logged; a kind whose commands carry a secret (an alarm code) hides it.</summary>
    internal virtual string Loggable(string payload) => payload;

    /// <summary>Publishes a state on the topic with <paramref name="suffix"/> (retained); remembered for re-publishing.</summary>
    private protected void PublishState(string suffix, string payload)
    {
        var topic = Topic(suffix);
        _states[topic] = payload;
        _host?.PublishState(topic, payload);
    }

    /// <summary>Ends the command streams (their observers see completion). The manager calls it when the entity is removed.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Ends the kind's command streams.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Completes and disposes a command stream.</summary>
    private protected static void Complete<T>(System.Reactive.Subjects.Subject<T> stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.OnCompleted();
        stream.Dispose();
    }

    /// <summary>A number as HA parses it: invariant culture, round-trip precision.</summary>
    private protected static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses an invariant-culture finite number.</summary>
    private protected static bool TryParseNumber(string payload, out double value) =>
        double.TryParse(payload, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
