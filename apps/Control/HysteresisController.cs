namespace ProofOfHeat.Control;

/// <summary>
/// Home Assistant's <c>generic_thermostat</c> rule: switch on at room ≤ target − cold tolerance,
/// off at room ≥ target + hot tolerance, and otherwise keep the current state. HA's default
/// tolerance is 0.3 K both ways. Minimum cycle durations belong to the device, not to this rule.
/// </summary>
public sealed class HysteresisController
{
    /// <summary>Creates the controller; tolerances are in kelvin and must not be negative.</summary>
    public HysteresisController(double coldTolerance = 0.3, double hotTolerance = 0.3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(coldTolerance);
        ArgumentOutOfRangeException.ThrowIfNegative(hotTolerance);
        ColdTolerance = coldTolerance;
        HotTolerance = hotTolerance;
    }

    /// <summary>How far below the target the room may fall before heat switches on.</summary>
    public double ColdTolerance { get; }

    /// <summary>How far above the target the room may rise before heat switches off.</summary>
    public double HotTolerance { get; }

    /// <summary>Whether the heater should be on after a reading of <paramref name="roomTemperature"/>.</summary>
    public bool ShouldHeat(bool isHeating, double roomTemperature, double targetTemperature)
    {
        if (roomTemperature <= targetTemperature - ColdTolerance)
        {
            return true;
        }

        if (roomTemperature >= targetTemperature + HotTolerance)
        {
            return false;
        }

        return isHeating;
    }
}
