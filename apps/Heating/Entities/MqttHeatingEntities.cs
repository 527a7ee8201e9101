using System.Reactive.Linq;
using System.Reactive.Subjects;
using ProofOfHeat.Apps.Heating.Schedules;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Heating.Entities;

/// <summary>
/// The heating's entities through MQTT discovery: a device <c>heating_zone_&lt;id&gt;</c> per zone with one climate
/// (modes heat/off, the five presets, target, current temperature, action), and a device <c>heating</c> with the
/// profile select. <see cref="Declare"/> is safe to call at composition and again from the app (declaring returns the
/// handles already declared).
/// </summary>
public sealed class MqttHeatingEntities : IHeatingEntities, IDisposable
{
    /// <summary>The device that holds the profile select.</summary>
    public const string HeatingDeviceId = "heating";

    /// <summary>The profile select's key.</summary>
    public const string ProfileKey = "profile";

    /// <summary>The climate's key within a zone device.</summary>
    public const string ClimateKey = "climate";

    private readonly IMqttEntities _entities;
    private readonly Subject<HeatingEntityCommand> _commands = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Dictionary<string, MqttClimate> _climates = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private MqttSelect? _profile;
    private IDisposable? _profileSubscription;

    /// <summary>Declares the entities of <paramref name="zones"/> and follows their commands.</summary>
    public MqttHeatingEntities(IMqttEntities entities, IReadOnlyList<HeatingZoneOptions> zones)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(zones);
        _entities = entities;
        Declare(entities, zones);
        foreach (var zone in zones)
        {
            var climate = entities.GetEntity<MqttClimate>(ZoneDeviceId(zone.Id), ClimateKey);
            _climates[zone.Id] = climate;
            var id = zone.Id;
            _subscriptions.Add(climate.ModeCommands.Subscribe(m => _commands.OnNext(new HeatingEntityCommand(HeatingCommandKind.Mode, id, m, null))));
            _subscriptions.Add(climate.PresetCommands.Subscribe(p => _commands.OnNext(new HeatingEntityCommand(HeatingCommandKind.Preset, id, p, null))));
            _subscriptions.Add(climate.TargetTemperatureCommands.Subscribe(t => _commands.OnNext(new HeatingEntityCommand(HeatingCommandKind.Target, id, null, t))));
        }
    }

    /// <inheritdoc />
    public IObservable<HeatingEntityCommand> Commands => _commands.AsObservable();

    /// <summary>The device id of a zone.</summary>
    public static string ZoneDeviceId(string zoneId) => $"heating_zone_{zoneId}";

    /// <summary>Declares a device and a climate per zone (the profile select is declared once the profiles are known).</summary>
    public static void Declare(IMqttEntities entities, IReadOnlyList<HeatingZoneOptions> zones)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(zones);
        foreach (var zone in zones)
        {
            var device = entities.Device(new MqttDeviceInfo(ZoneDeviceId(zone.Id), $"Heating {zone.DisplayName}")
            {
                Manufacturer = "Proof-of-Heat",
                Model = "heating zone",
                SuggestedArea = zone.DisplayName,
            });
            device.Add(new MqttClimate(ClimateKey)
            {
                Modes = ["heat", "off"],
                PresetModes = HeatingPresetNames.All,
                MinTemperature = 5,
                MaxTemperature = 30,
                TemperatureStep = 0.5,
                DefaultEntityId = $"climate.poh_{zone.Id.Replace('-', '_')}",
            });
        }
    }

    /// <inheritdoc />
    public void PublishZone(ZoneStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (!_climates.TryGetValue(status.ZoneId, out var climate))
        {
            return;
        }

        climate.PublishMode(status.Mode == ZoneMode.Off ? "off" : "heat");
        climate.PublishPreset(status.Preset);
        climate.PublishTargetTemperature(status.Target);
        if (status.Current is { } current)
        {
            climate.PublishCurrentTemperature(current);
        }

        climate.PublishAction(status.Action);
    }

    /// <inheritdoc />
    public void PublishProfiles(string active, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        lock (_gate)
        {
            var device = HeatingDevice(_entities);
            var declared = _profile ?? device.Find(ProfileKey) as MqttSelect;
            if (declared is null || !declared.Options.SequenceEqual(names, StringComparer.Ordinal))
            {
                // A select's options are part of its discovery config, so new profiles mean declaring it anew.
                device.Remove(ProfileKey);
                declared = device.Add(ProfileSelect(names));
            }

            if (!ReferenceEquals(declared, _profile))
            {
                _profileSubscription?.Dispose();
                _profile = declared;
                _profileSubscription = declared.Commands.Subscribe(p => _commands.OnNext(new HeatingEntityCommand(HeatingCommandKind.Profile, null, p, null)));
            }

            _profile.PublishState(active);
        }
    }

    /// <summary>Declares the profile select with <paramref name="names"/> (at composition, from the configured profiles).</summary>
    public static void DeclareProfiles(IMqttEntities entities, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(entities);
        HeatingDevice(entities).Add(ProfileSelect(names));
    }

    private static MqttDiscoveryDevice HeatingDevice(IMqttEntities entities) =>
        entities.Device(new MqttDeviceInfo(HeatingDeviceId, "Heating") { Manufacturer = "Proof-of-Heat", Model = "heating app" });

    private static MqttSelect ProfileSelect(IReadOnlyList<string> names) =>
        new(ProfileKey) { Name = "Profile", Icon = "mdi:calendar-clock", Options = [.. names] };

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _profileSubscription?.Dispose();
        _commands.OnCompleted();
        _commands.Dispose();
    }
}
