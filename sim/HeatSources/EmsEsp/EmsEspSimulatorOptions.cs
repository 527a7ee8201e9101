using ProofOfHeat.Sim.HeatSources.Boiler;

namespace ProofOfHeat.Sim.HeatSources.EmsEsp;

/// <summary>How the simulated EMS-ESP gateway and its boiler behave.</summary>
public sealed record EmsEspSimulatorOptions
{
    /// <summary>The MQTT base topic.</summary>
    public string BaseTopic { get; init; } = "ems-esp";

    /// <summary>The boiler.</summary>
    public SimulatedBoilerOptions Boiler { get; init; } = new();

    /// <summary>Time between two boiler_data publications (EMS-ESP's "publish_time_boiler", 10 s by default).</summary>
    public TimeSpan PublishInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Boiler time simulated per publication.</summary>
    public TimeSpan SimulatedStepPerPublish { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Nested format (DHW values in a "dhw" object) rather than flat (a separate boiler_data_dhw topic).</summary>
    public bool Nested { get; init; } = true;

    /// <summary>How booleans are written: "onoff", "ONOFF", "truefalse" (JSON booleans) or "10" (numbers).</summary>
    public string BooleanFormat { get; init; } = "onoff";

    /// <summary>Publish each command's outcome on base/response ("Response to commands").</summary>
    public bool SendResponses { get; init; }

    /// <summary>Where the boiler's clock starts.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
}
