namespace ProofOfHeat.Sim.HeatSources.Boiler;

/// <summary>The boiler and its loop; defaults are the PoH-Bench boiler (24 kW, 25 % minimum modulation).</summary>
public sealed record SimulatedBoilerOptions
{
    /// <summary>Largest heat output, W.</summary>
    public double MaximumThermalWatts { get; init; } = 24000;

    /// <summary>Lowest modulation as a fraction of the maximum.</summary>
    public double MinimumModulation { get; init; } = 0.25;

    /// <summary>Minimum burner on and off time (anti-cycling).</summary>
    public TimeSpan MinimumOnOff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Highest flow temperature, °C.</summary>
    public double MaximumFlowTemperature { get; init; } = 75;

    /// <summary>Water in the loop, litres.</summary>
    public double WaterLitres { get; init; } = 80;

    /// <summary>Emitter heat transfer to the room per kelvin of mean water over room temperature, W/K.</summary>
    public double EmitterWattsPerKelvin { get; init; } = 400;

    /// <summary>Pumped flow's heat capacity rate (about 14 l/min), W/K: the flow–return difference is emitted heat over this.</summary>
    public double CirculationWattsPerKelvin { get; init; } = 1000;

    /// <summary>The room the emitters heat, °C.</summary>
    public double RoomTemperature { get; init; } = 20;
}
