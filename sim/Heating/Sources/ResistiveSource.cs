namespace ProofOfHeat.Sim.Heating.Sources;

/// <summary>An on/off resistive heater: η = 1, all heat into the air.</summary>
public sealed class ResistiveSource : PlantSource
{
    /// <summary>Creates the heater.</summary>
    public ResistiveSource(string id, double ratedWatts, TimeSpan minimumOnOff)
        : base(id, [0, ratedWatts], modulating: false, minimumOnOff, minimumOnOff)
    {
    }

    /// <summary>The 2 kW backup heater of PoH-Bench (1 min minimum on/off, a relay).</summary>
    public static ResistiveSource Standard(string id) => new(id, 2000, TimeSpan.FromMinutes(1));

    /// <inheritdoc />
    public override PlantSourceKind Kind => PlantSourceKind.Resistive;

    /// <inheritdoc />
    public override SourceOutput Produce(SourceConditions conditions) =>
        Running ? new SourceOutput(Level, Level, 0, 0) : default;
}
