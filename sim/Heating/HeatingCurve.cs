namespace ProofOfHeat.Sim.Heating;

/// <summary>
/// The linear slope/shift heating curve (the form most controllers expose):
/// T_flow = T_room,set + slope·(T_room,set − T_out) + shift, clipped to [min, max].
/// </summary>
/// <param name="Slope">1.0 for radiators, 0.5 for underfloor in the baselines.</param>
/// <param name="Shift">Parallel displacement, K.</param>
/// <param name="Minimum">Lowest flow temperature, °C.</param>
/// <param name="Maximum">Highest flow temperature, °C.</param>
public sealed record HeatingCurve(double Slope = 1.0, double Shift = 0, double Minimum = 25, double Maximum = 75)
{
    /// <summary>The flow temperature for a room setpoint and an outdoor temperature, °C.</summary>
    public double FlowTemperature(double roomSetpoint, double outdoorTemperature) =>
        Math.Clamp(roomSetpoint + (Slope * (roomSetpoint - outdoorTemperature)) + Shift, Minimum, Maximum);
}
