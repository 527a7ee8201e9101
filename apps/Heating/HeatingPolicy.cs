using System.Globalization;
using ProofOfHeat.Control;

namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// The heating app's decision, without I/O: readings, time and options in, a decision out. TPI
/// gives an on-fraction, which maps to the nearest power level. A silent room sensor gives the
/// fixed fallback power instead (VTherm's safety mode), because heating blind on a stale value
/// can freeze or overheat the room.
/// </summary>
public sealed class HeatingPolicy
{
    /// <summary>Reason given while the room sensor is unavailable or stale.</summary>
    public const string SilentSensorReason = "room sensor silent";

    private readonly HeatingOptions _options;
    private readonly TpiController _tpi;

    /// <summary>Creates the policy for <paramref name="options"/>.</summary>
    public HeatingPolicy(HeatingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _tpi = new TpiController(new TpiOptions { CoefInt = options.TpiCoefInt, CoefExt = options.TpiCoefExt });
    }

    /// <summary>Decides the power for the zone at <paramref name="now"/>.</summary>
    public HeatingDecision Decide(HeatingReadings readings, DateTimeOffset now)
    {
        var target = _options.ComfortTarget;
        var silent = readings.RoomTemperature is null
            || readings.RoomLastSeen is not { } seen
            || now - seen > _options.RoomSensorTimeout;
        if (silent)
        {
            var fallbackFraction = PowerFraction(_options.FallbackPowerWatts);
            return new HeatingDecision(
                now, _options.ZoneName, readings.RoomTemperature, readings.OutdoorTemperature, target,
                fallbackFraction, _options.FallbackPowerWatts, SilentSensorReason);
        }

        var onFraction = _tpi.OnFraction(target, readings.RoomTemperature!.Value, readings.OutdoorTemperature);
        var power = PowerLevels.Nearest(_options.PowerLevels, onFraction);
        var reason = string.Create(CultureInfo.InvariantCulture, $"TPI {onFraction * 100:F0}%");
        if (readings.OutdoorTemperature is null)
        {
            reason += ", outdoor unknown";
        }

        return new HeatingDecision(
            now, _options.ZoneName, readings.RoomTemperature, readings.OutdoorTemperature, target, onFraction, power, reason);
    }

    private double PowerFraction(int watts)
    {
        var max = _options.PowerLevels.Max();
        return max == 0 ? 0 : Math.Clamp((double)watts / max, 0, 1);
    }
}
