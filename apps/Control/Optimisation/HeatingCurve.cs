namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// The standard linear heating curve (slope/shift, the form most controllers expose):
/// T_flow = T_set + slope·(T_set − T_out) + shift, clipped to [min, max]. Slope about 1.0 suits
/// radiators, 0.5 underfloor.
/// </summary>
/// <param name="Slope">Kelvin of flow per kelvin of setpoint-to-outdoor difference.</param>
/// <param name="Shift">Parallel displacement, K.</param>
/// <param name="MinimumFlow">Lowest flow temperature, °C.</param>
/// <param name="MaximumFlow">Highest flow temperature, °C.</param>
public sealed record HeatingCurve(double Slope = 1.0, double Shift = 0, double MinimumFlow = 25, double MaximumFlow = 55)
{
    private const double RadiatorExponent = 1.3;

    /// <summary>The curve's flow temperature for a room setpoint and an outdoor temperature, °C.</summary>
    public double Flow(double setpoint, double outdoorTemperature) =>
        Math.Clamp(setpoint + (Slope * (setpoint - outdoorTemperature)) + Shift, MinimumFlow, MaximumFlow);

    /// <summary>
    /// The flow temperature for delivering <paramref name="powerWatts"/>. The curve is drawn so that at
    /// the design outdoor temperature its flow delivers the design load; an emitter's output grows
    /// with (T_flow − T_room)^1.3, so the flow for any other power scales the design excess by
    /// (P / P_design)^(1/1.3). Part load at a low flow is what lifts a heat pump's COP.
    /// </summary>
    /// <param name="setpoint">Room setpoint the curve is evaluated at, °C.</param>
    /// <param name="powerWatts">Heat to deliver, W.</param>
    /// <param name="designLoadWatts">The house's load at the design outdoor temperature, W.</param>
    /// <param name="designOutdoorTemperature">The design outdoor temperature, °C.</param>
    public double FlowForPower(double setpoint, double powerWatts, double designLoadWatts, double designOutdoorTemperature = -10)
    {
        if (powerWatts <= 0)
        {
            return MinimumFlow;
        }

        var designExcess = Math.Max(setpoint + (Slope * (setpoint - designOutdoorTemperature)) + Shift - setpoint, 5);
        var ratio = powerWatts / Math.Max(designLoadWatts, 500);
        return Math.Clamp(setpoint + (designExcess * Math.Pow(ratio, 1 / RadiatorExponent)), MinimumFlow, MaximumFlow);
    }
}
