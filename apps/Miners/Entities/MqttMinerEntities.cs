using System.Reactive.Linq;
using System.Reactive.Subjects;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Miners.Entities;

/// <summary>
/// The miners' entities through MQTT discovery: a device <c>miner_&lt;id&gt;</c> per miner with its own availability,
/// an active switch, a power-limit number, sensors (hashrate, power and whether it is measured, temperature,
/// efficiency, revenue per hour, status) and, once the miner told its tiers, a mode select. The number's range follows
/// the miner's capabilities once known (it is declared anew when they differ from the generic range).
/// </summary>
public sealed class MqttMinerEntities : IMinerEntities, IDisposable
{
    /// <summary>The switch's key.</summary>
    public const string ActiveKey = "active";

    /// <summary>The power-limit number's key.</summary>
    public const string PowerLimitKey = "power_limit";

    /// <summary>The mode select's key.</summary>
    public const string ModeKey = "mode";

    private const double GenericMinimumWatts = 1;
    private const double GenericMaximumWatts = 10000;
    private readonly IMqttEntities _entities;
    private readonly Subject<MinerEntityCommand> _commands = new();
    private readonly Dictionary<(string Miner, string Key), IDisposable> _subscriptions = [];
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Declares the devices of <paramref name="options"/> and follows their commands.</summary>
    public MqttMinerEntities(IMqttEntities entities, MinerFleetOptions options)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(options);
        _entities = entities;
        Declare(entities, options);
        foreach (var miner in options.MinersWithUsableIds())
        {
            var id = miner.Id;
            var device = DeviceId(id);
            Follow(id, ActiveKey, entities.GetEntity<MqttSwitch>(device, ActiveKey).Commands
                .Select(on => new MinerEntityCommand(id, MinerEntityCommandKind.Active, On: on)));
            Follow(id, PowerLimitKey, entities.GetEntity<MqttNumber>(device, PowerLimitKey).Commands
                .Select(w => new MinerEntityCommand(id, MinerEntityCommandKind.PowerLimit, Watts: w)));
        }
    }

    /// <inheritdoc />
    public IObservable<MinerEntityCommand> Commands => _commands.AsObservable();

    /// <summary>The discovery device id of a miner.</summary>
    public static string DeviceId(string minerId) => $"miner_{minerId}";

    /// <summary>
    /// Declares a device per configured miner with its switch, number and sensors (the Host calls this at composition,
    /// like the demo's entities; the app declares again, which returns the same handles).
    /// </summary>
    public static void Declare(IMqttEntities entities, MinerFleetOptions options)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(options);
        // An entry whose id cannot name entities (or repeats one) gets no device; the fleet reports it as disabled.
        foreach (var miner in options.MinersWithUsableIds())
        {
            var known = entities.FindDevice(DeviceId(miner.Id)) is not null;
            var device = entities.Device(new MqttDeviceInfo(DeviceId(miner.Id), miner.DisplayName)
            {
                Manufacturer = "Proof-of-Heat",
                Model = $"miner ({miner.Family})",
                SuggestedArea = miner.Area,
                HasOwnAvailability = true,
            });
            if (!known)
            {
                // Until the miner has answered, its tiers (the mode select) and its power range are not known: what an
                // earlier run announced stays as it was, so a restart never deletes the user's entity from HA.
                device.ComponentsPending = true;
            }

            device.Add(new MqttSwitch(ActiveKey) { Name = "Active", Icon = "mdi:pickaxe" });
            device.Add(PowerLimit(GenericMinimumWatts, GenericMaximumWatts, 1));
            device.Add(new MqttSensor("hashrate") { Name = "Hashrate", StateClass = "measurement", Unit = "TH/s", SuggestedDisplayPrecision = 2, Icon = "mdi:speedometer" });
            device.Add(new MqttSensor("power") { Name = "Power", DeviceClass = "power", StateClass = "measurement", Unit = "W" });
            device.Add(new MqttSensor("power_source") { Name = "Power source", Icon = "mdi:meter-electric", EntityCategory = "diagnostic" });
            device.Add(new MqttSensor("temperature") { Name = "Temperature", DeviceClass = "temperature", StateClass = "measurement", Unit = "°C", SuggestedDisplayPrecision = 1 });
            device.Add(new MqttSensor("efficiency") { Name = "Efficiency", StateClass = "measurement", Unit = "J/TH", SuggestedDisplayPrecision = 1, Icon = "mdi:leaf" });
            device.Add(new MqttSensor("revenue") { Name = "Revenue per hour", StateClass = "measurement", Unit = $"{options.Currency}/h", SuggestedDisplayPrecision = 4, Icon = "mdi:cash" });
            device.Add(new MqttSensor("status") { Name = "Status", Icon = "mdi:state-machine", EntityCategory = "diagnostic" });
        }
    }

    /// <inheritdoc />
    public void PublishCapabilities(string minerId, MinerCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var device = _entities.FindDevice(DeviceId(minerId)) ?? throw new KeyNotFoundException($"Miner '{minerId}' has no device.");
        var (min, max, step) = capabilities.PowerControl == MinerPowerControl.Tiers && capabilities.Tiers.Count > 0
            ? (capabilities.Tiers.Min(t => t.Watts), capabilities.Tiers.Max(t => t.Watts), 1)
            : (capabilities.MinimumPowerWatts ?? (int)GenericMinimumWatts, capabilities.MaximumPowerWatts ?? (int)GenericMaximumWatts, capabilities.PowerStepWatts ?? 1);
        lock (_gate)
        {
            try
            {
                ShapeControls(minerId, capabilities, device, min, max, step);
            }
            finally
            {
                // The miner has answered: a component it no longer has may now be removed.
                device.ComponentsPending = false;
            }
        }
    }

    private void ShapeControls(string minerId, MinerCapabilities capabilities, MqttDiscoveryDevice device, int min, int max, int step)
    {
        if (min < max && device.Find(PowerLimitKey) is MqttNumber number && (number.Min != min || number.Max != max || number.Step != step))
        {
            // A number's range is part of its discovery config, so a new range means declaring it anew.
            Unfollow(minerId, PowerLimitKey);
            device.Remove(PowerLimitKey);
            var declared = device.Add(PowerLimit(min, max, Math.Max(1, step)));
            Follow(minerId, PowerLimitKey, declared.Commands.Select(w => new MinerEntityCommand(minerId, MinerEntityCommandKind.PowerLimit, Watts: w)));
        }

        var tiers = capabilities.Tiers.Select(t => t.Name).ToList();
        if (capabilities.PowerControl != MinerPowerControl.Tiers || tiers.Count == 0)
        {
            return;
        }

        var select = device.Find(ModeKey) as MqttSelect;
        if (select is null || !select.Options.SequenceEqual(tiers, StringComparer.Ordinal))
        {
            Unfollow(minerId, ModeKey);
            device.Remove(ModeKey);
            select = device.Add(new MqttSelect(ModeKey) { Name = "Mode", Icon = "mdi:tune", Options = tiers });
        }

        // A select declared by an earlier run of the app is followed again by this one.
        if (!_subscriptions.ContainsKey((minerId, ModeKey)))
        {
            Follow(minerId, ModeKey, select.Commands.Select(m => new MinerEntityCommand(minerId, MinerEntityCommandKind.Mode, Mode: m)));
        }
    }

    /// <inheritdoc />
    public void Publish(MinerSnapshot snapshot, double? revenuePerHour)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (_entities.FindDevice(DeviceId(snapshot.Id)) is not { } device)
        {
            return;
        }

        device.SetAvailable(snapshot.Available);
        if (!snapshot.Available || snapshot.Reading is not { } reading)
        {
            return;
        }

        (device.Find(ActiveKey) as MqttSwitch)?.PublishState(snapshot.IsOn ?? reading.Status is MinerStatus.Mining or MinerStatus.Starting);
        if ((reading.PowerLimitWatts ?? TargetWatts(snapshot)) is { } limit && device.Find(PowerLimitKey) is MqttNumber number)
        {
            number.PublishState(Math.Clamp(limit, number.Min, number.Max));
        }

        var mode = reading.Mode ?? snapshot.Target?.Tier;
        if (device.Find(ModeKey) is MqttSelect select && select.Options.FirstOrDefault(o => string.Equals(o, mode, StringComparison.OrdinalIgnoreCase)) is { } option)
        {
            select.PublishState(option);
        }

        PublishNumber(device, "hashrate", reading.HashrateTerahash);
        PublishNumber(device, "power", reading.PowerWatts);
        (device.Find("power_source") as MqttSensor)?.PublishState(reading.PowerSource.ToString().ToLowerInvariant());
        PublishNumber(device, "temperature", reading.MaximumTemperature);
        PublishNumber(device, "efficiency", reading.JoulesPerTerahash);
        PublishNumber(device, "revenue", revenuePerHour);
        (device.Find("status") as MqttSensor)?.PublishState(reading.Status.ToString().ToLowerInvariant());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var subscription in _subscriptions.Values)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }

        _commands.OnCompleted();
        _commands.Dispose();
    }

    private static MqttNumber PowerLimit(double min, double max, double step) => new(PowerLimitKey)
    {
        Name = "Power limit", DeviceClass = "power", Unit = "W", Min = min, Max = max, Step = step, Mode = "box", EntityCategory = "config",
    };

    private static int? TargetWatts(MinerSnapshot snapshot) =>
        snapshot.Target?.Watts
        ?? snapshot.Capabilities?.Tiers.FirstOrDefault(t => string.Equals(t.Name, snapshot.Target?.Tier, StringComparison.OrdinalIgnoreCase))?.Watts;

    private static void PublishNumber(MqttDiscoveryDevice device, string key, double? value)
    {
        if (value is { } v && double.IsFinite(v) && device.Find(key) is MqttSensor sensor)
        {
            sensor.PublishState(Math.Round(v, 4));
        }
    }

    private void Follow(string minerId, string key, IObservable<MinerEntityCommand> commands)
    {
        lock (_gate)
        {
            _subscriptions[(minerId, key)] = commands.Subscribe(_commands.OnNext);
        }
    }

    private void Unfollow(string minerId, string key)
    {
        if (_subscriptions.Remove((minerId, key), out var subscription))
        {
            subscription.Dispose();
        }
    }
}
