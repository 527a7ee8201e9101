namespace ProofOfHeat.Drivers.HeatSources.OpenTherm;

/// <summary>An OpenTherm boiler behind a gateway, as configured.</summary>
public sealed record OtgwDriverOptions
{
    /// <summary>The gateway's TCP serial bridge host.</summary>
    public required string Host { get; init; }

    /// <summary>Its port (25238 on the NodoShop ESP's OTGW-firmware).</summary>
    public int Port { get; init; } = 25238;

    /// <summary>The flow setpoints the boiler accepts, °C (OpenTherm's MaxTSet bounds, id 48/49, are often 20–80 or 20–90).</summary>
    public double MinimumFlowSetpoint { get; init; } = 20;

    /// <summary>The highest flow setpoint sent, °C.</summary>
    public double MaximumFlowSetpoint { get; init; } = 80;

    /// <summary>The DHW setpoints the boiler accepts, °C.</summary>
    public double MinimumDhwSetpoint { get; init; } = 40;

    /// <summary>The highest DHW setpoint sent, °C.</summary>
    public double MaximumDhwSetpoint { get; init; } = 60;

    /// <summary>
    /// How long central heating stays on once enabled and off once disabled: burner anti-cycling (SAT's low-load
    /// control keeps about 180 s on; many boilers' own anti-cycling timers are 3–10 min). Default 5 min.
    /// </summary>
    public TimeSpan MinimumOnOffTime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The boiler's largest input, W, to turn modulation into fuel power; null when unknown (no power reading).</summary>
    public double? MaximumInputWatts { get; init; }
}
