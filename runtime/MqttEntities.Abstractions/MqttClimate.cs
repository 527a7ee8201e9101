using System.Globalization;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Text.Json.Nodes;

namespace ProofOfHeat.MqttEntities.Discovery;

/// <summary>
/// A climate entity (one per heating zone): HVAC modes, presets, target and current temperature, and the action
/// (<c>heating</c>, <c>idle</c> …). Commands are validated (a mode or preset not offered, a target outside
/// <see cref="MinTemperature"/>..<see cref="MaxTemperature"/>) before they reach the app.
/// </summary>
/// <param name="key">The key within the device.</param>
public sealed class MqttClimate(string key) : MqttDiscoveryEntity(key)
{
    /// <summary>The HVAC modes HA's MQTT climate accepts.</summary>
    public static readonly IReadOnlySet<string> ValidModes = new HashSet<string>(StringComparer.Ordinal)
    {
        "auto", "off", "cool", "heat", "dry", "fan_only", "heat_cool",
    };

    /// <summary>The HVAC actions HA documents for the action topic.</summary>
    public static readonly IReadOnlySet<string> ValidActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "off", "heating", "cooling", "drying", "idle", "fan", "preheating", "defrosting",
    };

    private const string ModeSuffix = "mode";
    private const string TargetSuffix = "temperature";
    private const string PresetSuffix = "preset";
    private readonly Subject<string> _modes = new();
    private readonly Subject<double> _targets = new();
    private readonly Subject<string> _presets = new();

    /// <inheritdoc />
    public override string Platform => "climate";

    /// <summary>The HVAC modes offered (a subset of <see cref="ValidModes"/>).</summary>
    public IReadOnlyList<string> Modes { get; init; } = ["off", "heat"];

    /// <summary>Preset modes (<c>eco</c>, <c>comfort</c>, <c>boost</c> …); <c>none</c> is implicit and must not be listed.</summary>
    public IReadOnlyList<string> PresetModes { get; init; } = [];

    /// <summary>The lowest target temperature.</summary>
    public double MinTemperature { get; init; } = 7;

    /// <summary>The highest target temperature.</summary>
    public double MaxTemperature { get; init; } = 35;

    /// <summary>The step of the target temperature.</summary>
    public double TemperatureStep { get; init; } = 0.5;

    /// <summary>The display precision: 0.1, 0.5 or 1.</summary>
    public double Precision { get; init; } = 0.1;

    /// <summary><c>C</c> or <c>F</c>.</summary>
    public string TemperatureUnit { get; init; } = "C";

    /// <summary>Validated HVAC modes from HA. Observers run on the MQTT dispatch loop: keep them short.</summary>
    public IObservable<string> ModeCommands => _modes.AsObservable();

    /// <summary>Validated target temperatures from HA.</summary>
    public IObservable<double> TargetTemperatureCommands => _targets.AsObservable();

    /// <summary>Validated preset modes from HA (<c>none</c> clears the preset).</summary>
    public IObservable<string> PresetCommands => _presets.AsObservable();

    /// <summary>Publishes the HVAC mode.</summary>
    public void PublishMode(string mode)
    {
        if (!Modes.Contains(mode, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{mode}' is not a mode of climate '{Key}'.", nameof(mode));
        }

        PublishState(ModeSuffix, mode);
    }

    /// <summary>Publishes the target temperature.</summary>
    public void PublishTargetTemperature(double value) => PublishState(TargetSuffix, FormatFinite(value));

    /// <summary>Publishes the measured room temperature.</summary>
    public void PublishCurrentTemperature(double value) => PublishState("current_temperature", FormatFinite(value));

    /// <summary>Publishes what the zone is doing now (<c>heating</c>, <c>idle</c>, <c>off</c> …).</summary>
    public void PublishAction(string action)
    {
        if (!ValidActions.Contains(action))
        {
            throw new ArgumentException($"'{action}' is not an HVAC action.", nameof(action));
        }

        PublishState("action", action);
    }

    /// <summary>Publishes the active preset, or <c>none</c>.</summary>
    public void PublishPreset(string preset)
    {
        if (preset != "none" && !PresetModes.Contains(preset, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{preset}' is not a preset of climate '{Key}'.", nameof(preset));
        }

        PublishState(PresetSuffix, preset);
    }

    /// <inheritdoc />
    internal override IReadOnlyList<string> CommandSuffixes => PresetModes.Count > 0
        ? [$"{ModeSuffix}/set", $"{TargetSuffix}/set", $"{PresetSuffix}/set"]
        : [$"{ModeSuffix}/set", $"{TargetSuffix}/set"];

    /// <inheritdoc />
    internal override void Validate()
    {
        if (Modes.Count == 0 || Modes.Any(m => !ValidModes.Contains(m)))
        {
            throw new ArgumentException($"Climate '{Key}' modes must be a non-empty subset of {string.Join(", ", ValidModes)}.");
        }

        if (PresetModes.Contains("none", StringComparer.Ordinal))
        {
            throw new ArgumentException($"Climate '{Key}': 'none' is implicit and must not be listed as a preset.");
        }

        if (!(MinTemperature < MaxTemperature) || !(TemperatureStep > 0) || Precision is not (0.1 or 0.5 or 1.0)
            || TemperatureUnit is not ("C" or "F"))
        {
            throw new ArgumentException($"Climate '{Key}': needs min < max, step > 0, precision 0.1/0.5/1 and unit C or F.");
        }
    }

    /// <inheritdoc />
    private protected override void WritePlatformKeys(JsonObject component)
    {
        component["modes"] = new JsonArray([.. Modes.Select(m => JsonValue.Create(m))]);
        component["mode_cmd_t"] = Topic($"{ModeSuffix}/set");
        component["mode_stat_t"] = Topic(ModeSuffix);
        component["temp_cmd_t"] = Topic($"{TargetSuffix}/set");
        component["temp_stat_t"] = Topic(TargetSuffix);
        component["curr_temp_t"] = Topic("current_temperature");
        component["act_t"] = Topic("action");
        component["min_temp"] = MinTemperature;
        component["max_temp"] = MaxTemperature;
        component["temp_step"] = TemperatureStep;
        component["precision"] = Precision;
        component["temp_unit"] = TemperatureUnit;
        if (PresetModes.Count > 0)
        {
            component["pr_modes"] = new JsonArray([.. PresetModes.Select(p => JsonValue.Create(p))]);
            component["pr_mode_cmd_t"] = Topic($"{PresetSuffix}/set");
            component["pr_mode_stat_t"] = Topic(PresetSuffix);
        }
    }

    /// <inheritdoc />
    internal override CommandOutcome HandleCommand(string suffix, string payload)
    {
        switch (suffix)
        {
            case $"{ModeSuffix}/set" when Modes.Contains(payload, StringComparer.Ordinal):
                _modes.OnNext(payload);
                return CommandOutcome.Ok;
            case $"{ModeSuffix}/set":
                return CommandOutcome.Reject("not one of the modes");
            case $"{TargetSuffix}/set":
                return HandleTarget(payload);
            case $"{PresetSuffix}/set" when payload == "none" || PresetModes.Contains(payload, StringComparer.Ordinal):
                _presets.OnNext(payload);
                return CommandOutcome.Ok;
            case $"{PresetSuffix}/set":
                return CommandOutcome.Reject("not one of the presets");
            default:
                return CommandOutcome.Reject($"unknown command topic suffix '{suffix}'");
        }
    }

    private CommandOutcome HandleTarget(string payload)
    {
        if (!TryParseNumber(payload, out var target))
        {
            return CommandOutcome.Reject("not a number");
        }

        if (target < MinTemperature || target > MaxTemperature)
        {
            return CommandOutcome.Reject(string.Create(CultureInfo.InvariantCulture, $"outside {MinTemperature}..{MaxTemperature}"));
        }

        _targets.OnNext(target);
        return CommandOutcome.Ok;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete(_modes);
            Complete(_targets);
            Complete(_presets);
        }

        base.Dispose(disposing);
    }

    private static string FormatFinite(double value) => double.IsFinite(value)
        ? FormatNumber(value)
        : throw new ArgumentOutOfRangeException(nameof(value), value, "A temperature must be finite.");
}
