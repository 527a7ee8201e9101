using System.Globalization;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Apps.Safety.Options;

namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>
/// The safety sensors' own health: unavailable (or unknown to the home), silent past the limit (the latest update of
/// the sensor or its battery entity), battery below the limit (its own battery entity, or a <c>battery</c> attribute
/// as Zigbee2MQTT's HA discovery and many integrations give). Each problem is reported once when it appears and once
/// when it goes. Pure: states and time in, decisions out.
/// </summary>
public sealed class SensorHealthPolicy(SensorHealthOptions options, IReadOnlyList<string> sensors)
{
    private readonly Dictionary<string, SensorProblem> _open = new(StringComparer.Ordinal);

    /// <summary>The sensors watched.</summary>
    public IReadOnlyList<string> Sensors { get; } = sensors ?? throw new ArgumentNullException(nameof(sensors));

    /// <summary>The problems reported and not gone.</summary>
    public IReadOnlyCollection<SensorProblem> Open => _open.Values;

    /// <summary>Checks every sensor at <paramref name="now"/>, reading states through <paramref name="stateOf"/>.</summary>
    public SensorHealthDecision Evaluate(DateTimeOffset now, Func<string, EntityState?> stateOf)
    {
        ArgumentNullException.ThrowIfNull(stateOf);
        var found = Sensors.SelectMany(sensor => Check(sensor, now, stateOf)).ToDictionary(p => p.Key, StringComparer.Ordinal);
        var raised = found.Values.Where(p => !_open.ContainsKey(p.Key)).ToList();
        var resolved = _open.Values.Where(p => !found.ContainsKey(p.Key)).ToList();
        _open.Clear();
        foreach (var (key, problem) in found)
        {
            _open[key] = problem;
        }

        return new SensorHealthDecision(raised, resolved);
    }

    private IEnumerable<SensorProblem> Check(string sensor, DateTimeOffset now, Func<string, EntityState?> stateOf)
    {
        var state = stateOf(sensor);
        if (state is null || state.IsUnavailable && state.State != "unknown")
        {
            yield return new SensorProblem(sensor, SensorProblemKind.Unavailable, state is null ? "not known to the home" : "unavailable");
            yield break;
        }

        var battery = options.Batteries.TryGetValue(sensor, out var batteryId) ? stateOf(batteryId) : null;
        var lastHeard = battery is null || battery.LastUpdated < state.LastUpdated ? state.LastUpdated : battery.LastUpdated;
        if (now - lastHeard > options.SilentAfter)
        {
            yield return new SensorProblem(sensor, SensorProblemKind.Silent, $"nothing heard since {lastHeard:yyyy-MM-dd HH:mm} UTC");
        }

        var level = battery?.AsNumber() ?? state.NumericAttribute("battery");
        if (level is { } percent && percent < options.BatteryLow)
        {
            yield return new SensorProblem(sensor, SensorProblemKind.BatteryLow, string.Create(CultureInfo.InvariantCulture, $"battery {percent:0} %"));
        }
    }
}
