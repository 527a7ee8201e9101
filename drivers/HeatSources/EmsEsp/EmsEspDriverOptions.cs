namespace ProofOfHeat.Drivers.HeatSources.EmsEsp;

/// <summary>An EMS-ESP boiler, as configured.</summary>
public sealed record EmsEspDriverOptions
{
    /// <summary>EMS-ESP's MQTT base topic (its "Base" setting; <c>ems-esp</c> by default).</summary>
    public string BaseTopic { get; init; } = "ems-esp";

    /// <summary>
    /// The DHW setpoint command: <c>dhw/seltemp</c> since EMS-ESP 3.7, <c>wwseltemp</c> before it.
    /// </summary>
    public string DhwSetpointCommand { get; init; } = "dhw/seltemp";

    /// <summary>Whether EMS-ESP's "Response to commands" is on, so a refused command is told apart from an ignored one.</summary>
    public bool ExpectResponses { get; init; }

    /// <summary>The flow setpoints sent, °C.</summary>
    public HeatSourceRange FlowSetpoint { get; init; } = new(20, 80);

    /// <summary>The DHW setpoints sent, °C.</summary>
    public HeatSourceRange DhwSetpoint { get; init; } = new(40, 60);

    /// <summary>How long heating stays on once activated and off once deactivated (burner anti-cycling). Default 5 min.</summary>
    public TimeSpan MinimumOnOffTime { get; init; } = TimeSpan.FromMinutes(5);
}
