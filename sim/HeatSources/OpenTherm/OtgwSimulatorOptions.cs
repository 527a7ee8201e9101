using ProofOfHeat.Sim.HeatSources.Boiler;

namespace ProofOfHeat.Sim.HeatSources.OpenTherm;

/// <summary>How the simulated gateway and its boiler behave.</summary>
public sealed record OtgwSimulatorOptions
{
    /// <summary>The boiler behind the gateway.</summary>
    public SimulatedBoilerOptions Boiler { get; init; } = new();

    /// <summary>
    /// Time between two message exchanges on the gateway's clock. A real thermostat talks to the boiler about once a
    /// second (otgw.tclcode.com/standalone.html); tests make it shorter.
    /// </summary>
    public TimeSpan ReportInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Boiler time simulated per exchange (equal to the interval for real time; longer to run the physics faster).</summary>
    public TimeSpan SimulatedStepPerReport { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The flow setpoint the thermostat asks for itself while the gateway does not override it, °C.</summary>
    public double ThermostatControlSetpoint { get; init; }

    /// <summary>Where the boiler's clock starts.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
}
